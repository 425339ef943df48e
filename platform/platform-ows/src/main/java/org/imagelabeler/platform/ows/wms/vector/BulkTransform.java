package org.imagelabeler.platform.ows.wms.vector;

import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * A SIS transform applied to packed x,y arrays, all points in one call. When a point cannot be
 * transformed (outside the projection's domain) SIS stops with the target half written, so the
 * array is done again point by point and the points that fail become NaN.
 */
final class BulkTransform {

    private final MathTransform transform;

    BulkTransform(MathTransform transform) {
        this.transform = transform;
    }

    MathTransform transform() {
        return transform;
    }

    /** Transforms the first {@code count} points of {@code source} into {@code target} (not the same array). */
    void apply(double[] source, double[] target, int count) {
        try {
            transform.transform(source, 0, target, 0, count);
        } catch (TransformException e) {
            for (int i = 0; i < count; i++) {
                try {
                    transform.transform(source, 2 * i, target, 2 * i, 1);
                } catch (TransformException outside) {
                    target[2 * i] = Double.NaN;
                    target[2 * i + 1] = Double.NaN;
                }
            }
        }
    }
}
