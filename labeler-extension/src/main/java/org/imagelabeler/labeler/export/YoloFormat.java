package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.util.List;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.LabelClass;
import org.locationtech.jts.geom.Envelope;

/**
 * YOLO as Ultralytics reads it: {@code labels/<split>/<stem>.txt} next to
 * {@code images/<split>/}, one line per label, coordinates divided by the image's width and
 * height (0..1, six decimals), and {@code data.yaml} naming the splits and the classes by index.
 * {@code yolo} is detection ({@code class xc yc w h}; a polygon gives its bounding box),
 * {@code yolo-seg} segmentation ({@code class x1 y1 x2 y2 ...}; a box gives its four corners).
 */
public final class YoloFormat implements DatasetFormat {

    private final boolean segmentation;

    public YoloFormat(boolean segmentation) {
        this.segmentation = segmentation;
    }

    public static YoloFormat detection() {
        return new YoloFormat(false);
    }

    public static YoloFormat segmentation() {
        return new YoloFormat(true);
    }

    @Override
    public String id() {
        return segmentation ? "yolo-seg" : "yolo";
    }

    @Override
    public FormatWriter open(ExportContext context) {
        return new FormatWriter() {
            @Override
            public void image(ExportImage image) throws IOException {
                StringBuilder lines = new StringBuilder();
                double w = image.width();
                double h = image.height();
                for (Annotation a : image.annotations()) {
                    lines.append(context.classIndex(a.className()));
                    if (segmentation) {
                        double[] ring = PixelGeometry.ring(a.pixels());
                        for (int i = 0; i < ring.length; i += 2) {
                            lines.append(' ').append(n(ring[i] / w)).append(' ').append(n(ring[i + 1] / h));
                        }
                    } else {
                        Envelope box = PixelGeometry.box(a.pixels());
                        lines.append(' ').append(n((box.getMinX() + box.getMaxX()) / 2 / w));
                        lines.append(' ').append(n((box.getMinY() + box.getMaxY()) / 2 / h));
                        lines.append(' ').append(n(box.getWidth() / w));
                        lines.append(' ').append(n(box.getHeight() / h));
                    }
                    lines.append('\n');
                }
                // an image without labels still gets its (empty) file: a background image
                context.archive().text("labels/" + image.split() + "/" + image.stem() + ".txt", lines.toString());
            }

            @Override
            public void finish() throws IOException {
                StringBuilder yaml = new StringBuilder();
                yaml.append("# ")
                        .append(id())
                        .append(" dataset of event ")
                        .append(context.event().slug());
                yaml.append(": paths are relative to this file's folder\n");
                yaml.append("train: images/train\nval: images/val\ntest: images/test\n");
                yaml.append("nc: ").append(context.classes().size()).append('\n');
                yaml.append("names:\n");
                List<LabelClass> classes = context.classes();
                for (int i = 0; i < classes.size(); i++) {
                    yaml.append("  ")
                            .append(i)
                            .append(": ")
                            .append(quoted(classes.get(i).name()))
                            .append('\n');
                }
                context.archive().text("data.yaml", yaml.toString());
            }
        };
    }

    private static String n(double v) {
        return PixelGeometry.number(Math.max(0, Math.min(1, v)), 6);
    }

    /** A YAML double-quoted scalar: class names may hold colons or quotes. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
