package org.imagelabeler.labeler.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.imagelabeler.labeler.images.EventImage;
import org.locationtech.jts.geom.Point;

/**
 * Assigns images to train, val and test. Each image's split depends only on the seed and on the
 * image (its id, or for a spatial split the grid cell of its footprint's centre), never on the
 * order or number of images: the same event and options give the same split, and adding images
 * does not move the others.
 */
final class Splits {

    private final ExportOptions.Split split;

    Splits(ExportOptions.Split split) {
        this.split = split;
    }

    String of(EventImage image) {
        String key = image.id();
        if (split.method().equals("spatial") && image.georeference() != null) {
            Point centre = image.georeference().footprint().getCentroid();
            long cx = (long) Math.floor(centre.getX() / split.cellDegrees());
            long cy = (long) Math.floor(centre.getY() / split.cellDegrees());
            key = "cell:" + cx + ":" + cy;
        }
        double u = uniform(split.seed() + "/" + key);
        if (u < split.train()) {
            return "train";
        }
        return u < split.train() + split.val() ? "val" : "test";
    }

    /** A number in [0, 1) from a key: the first 53 bits of its SHA-256. */
    private static double uniform(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
