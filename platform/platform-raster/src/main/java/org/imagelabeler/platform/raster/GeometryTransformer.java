package org.imagelabeler.platform.raster;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * Carries JTS geometries through an Apache SIS transform (between CRSs, or from image pixels),
 * one coordinate sequence at a time rather than point by point.
 */
public final class GeometryTransformer {

    private GeometryTransformer() {}

    /**
     * A copy of {@code g} with every coordinate transformed (x and y; any z is kept).
     *
     * @throws TransformException when a coordinate has no image through the transform
     */
    public static Geometry transform(Geometry g, MathTransform transform) throws TransformException {
        Geometry copy = g.copy();
        TransformException[] failure = new TransformException[1];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                if (i != 0 || failure[0] != null) {
                    return; // the whole sequence is done at its first coordinate
                }
                double[] xy = new double[seq.size() * 2];
                for (int k = 0; k < seq.size(); k++) {
                    xy[2 * k] = seq.getX(k);
                    xy[2 * k + 1] = seq.getY(k);
                }
                try {
                    transform.transform(xy, 0, xy, 0, seq.size());
                } catch (TransformException e) {
                    failure[0] = e;
                    return;
                }
                for (int k = 0; k < seq.size(); k++) {
                    seq.setOrdinate(k, 0, xy[2 * k]);
                    seq.setOrdinate(k, 1, xy[2 * k + 1]);
                }
            }

            @Override
            public boolean isDone() {
                return failure[0] != null;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        copy.setSRID(g.getSRID());
        return copy;
    }
}
