package org.imagelabeler.labeler.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.imagelabeler.labeler.events.LabelClass;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;

/** Writes each image's mask as it arrives, and {@code masks/classes.json} at the end. */
final class MaskWriter implements FormatWriter {

    private final ExportContext context;

    MaskWriter(ExportContext context) {
        this.context = context;
    }

    @Override
    public void image(ExportImage image) throws IOException {
        BufferedImage mask = LabelMask.paint(image, context);
        String name = "masks/" + image.split() + "/" + image.stem();
        try (OutputStream out = context.archive().entry(name + ".png")) {
            ImageIO.write(mask, "png", out);
        }
        Georeference geo = image.image().georeference();
        if (geo != null) {
            Path tif = context.workDirectory().resolve("mask-" + image.stem() + ".tif");
            try {
                org.imagelabeler.platform.raster.GeoTiffWriter.write(mask, geo.crs(), transform(image), tif);
                context.archive().file(name + ".tif", tif);
            } finally {
                Files.deleteIfExists(tif);
            }
        }
    }

    /**
     * The image's transform, for the file in the archive: when that file was resized, the same
     * corners with pixels as much bigger or smaller.
     */
    static double[] transform(ExportImage image) {
        EventImage stored = image.image();
        double[] t = stored.georeference().transform();
        double sx = stored.width() / (double) image.width();
        double sy = stored.height() / (double) image.height();
        return new double[] {t[0], t[1] * sx, t[2] * sy, t[3], t[4] * sx, t[5] * sy};
    }

    @Override
    public void finish() throws IOException {
        ObjectNode doc = ArchiveJson.object();
        doc.put(
                "description",
                "Pixel values of the masks in masks/<split>/<stem>.png (and .tif for georeferenced images): 0 is"
                        + " background, a class is its index in the event's schema + 1. A pixel takes a label's value"
                        + " when its centre is inside the label; where labels overlap, the later one wins; holes are"
                        + " not painted.");
        ArrayNode values = doc.putArray("values");
        values.addObject().put("value", 0).put("name", "background").put("colour", "#000000");
        List<LabelClass> classes = context.classes();
        for (int i = 0; i < classes.size(); i++) {
            LabelClass c = classes.get(i);
            ObjectNode v =
                    values.addObject().put("value", i + 1).put("name", c.name()).put("colour", c.colour());
            if (c.description() != null) {
                v.put("description", c.description());
            }
        }
        ArchiveJson.write(context.archive(), "masks/classes.json", doc);
    }
}
