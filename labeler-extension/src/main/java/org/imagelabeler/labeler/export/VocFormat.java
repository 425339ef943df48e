package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.labeler.annotations.Annotation;
import org.locationtech.jts.geom.Envelope;

/**
 * Pascal VOC: {@code voc/Annotations/<stem>.xml} per image and {@code voc/ImageSets/Main/<split>.txt}
 * listing the stems of each split. Boxes are the labels' bounding boxes in VOC's 1-based pixel
 * indices: a box over pixel edges x0..x1 covers pixels {@code round(x0) + 1} to {@code round(x1)}.
 * The {@code source} element carries the image's provenance.
 */
public final class VocFormat implements DatasetFormat {

    @Override
    public String id() {
        return "voc";
    }

    @Override
    public FormatWriter open(ExportContext context) {
        Map<String, StringBuilder> sets = new LinkedHashMap<>();
        for (String split : List.of("train", "val", "test")) {
            sets.put(split, new StringBuilder());
        }
        return new FormatWriter() {
            @Override
            public void image(ExportImage image) throws IOException {
                sets.get(image.split()).append(image.stem()).append('\n');
                try (OutputStream out = context.archive().entry("voc/Annotations/" + image.stem() + ".xml")) {
                    XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
                    x.writeStartDocument("UTF-8", "1.0");
                    x.writeStartElement("annotation");
                    text(x, "folder", image.path().substring(0, image.path().lastIndexOf('/')));
                    text(x, "filename", image.path().substring(image.path().lastIndexOf('/') + 1));
                    text(x, "path", image.path());
                    x.writeStartElement("source");
                    text(x, "database", "ImageLabeler event " + context.event().slug());
                    for (var e : image.provenance().entrySet()) {
                        text(x, e.getKey(), String.valueOf(e.getValue()));
                    }
                    x.writeEndElement();
                    x.writeStartElement("size");
                    text(x, "width", String.valueOf(image.width()));
                    text(x, "height", String.valueOf(image.height()));
                    text(x, "depth", "3");
                    x.writeEndElement();
                    boolean polygons =
                            image.annotations().stream().anyMatch(a -> a.shape() == Annotation.Shape.POLYGON);
                    text(x, "segmented", polygons ? "1" : "0");
                    for (Annotation a : image.annotations()) {
                        Envelope box = PixelGeometry.box(a.pixels());
                        x.writeStartElement("object");
                        text(x, "name", a.className());
                        text(x, "pose", "Unspecified");
                        text(x, "truncated", "0");
                        text(x, "difficult", "0");
                        x.writeStartElement("bndbox");
                        text(x, "xmin", String.valueOf(Math.round(box.getMinX()) + 1));
                        text(x, "ymin", String.valueOf(Math.round(box.getMinY()) + 1));
                        text(x, "xmax", String.valueOf(Math.round(box.getMaxX())));
                        text(x, "ymax", String.valueOf(Math.round(box.getMaxY())));
                        x.writeEndElement();
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                    x.writeEndDocument();
                    x.close();
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void finish() throws IOException {
                for (var e : sets.entrySet()) {
                    context.archive()
                            .text(
                                    "voc/ImageSets/Main/" + e.getKey() + ".txt",
                                    e.getValue().toString());
                }
            }
        };
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
