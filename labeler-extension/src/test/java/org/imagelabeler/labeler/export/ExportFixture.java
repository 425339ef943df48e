package org.imagelabeler.labeler.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.LabelClass;
import org.imagelabeler.labeler.events.LabelSchema;
import org.imagelabeler.labeler.events.Visibility;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;
import org.imagelabeler.labeler.images.ImageStatus;
import org.imagelabeler.platform.raster.Gdal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A flood event as an export hands it to a format: classes water, debris and cloud; a GeoTIFF
 * scene made by GDAL (512 x 512 px over lon 5..15, lat 40..50, EPSG:4326) and a plain 300 x 200
 * photo, each with boxes and polygons. {@link #export} writes the images into the zip as the
 * export job does, then runs a format over them.
 */
final class ExportFixture {

    static final GeometryFactory GEOMETRY = new GeometryFactory();
    static final Instant CREATED = Instant.parse("2024-05-03T08:00:00Z");
    static final Instant ACQUIRED = Instant.parse("2024-05-01T10:30:00Z");
    /** GDAL's order; 10 degrees over 512 px. */
    static final double[] SCENE_TRANSFORM = {5, 10.0 / 512, 0, 50, 0, -10.0 / 512};

    final Path dir;
    final Path sceneFile;
    final Path photoFile;
    final Event event;

    ExportFixture(Path dir) throws IOException {
        this.dir = dir;
        this.sceneFile = Gdal.geotiff(dir, "scene.tif");
        this.photoFile = dir.resolve("photo.png");
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        ImageIO.write(photo, "png", photoFile.toFile());
        this.event = event(List.of(
                new LabelClass("water", "#1e90ff", "standing flood water"),
                new LabelClass("debris", "#8b4513", null),
                new LabelClass("cloud", "#ffffff", "hides the ground")));
    }

    static Event event(List<LabelClass> classes) {
        return new Event(
                "ev-1",
                "flood-2024",
                "Po valley flood, May 2024",
                "Flood water and debris after the May 2024 rains.",
                "flood",
                Instant.parse("2024-04-28T00:00:00Z"),
                Instant.parse("2024-05-10T00:00:00Z"),
                GEOMETRY.toGeometry(new Envelope(7, 13, 43, 47)),
                List.of("flood", "Po"),
                Visibility.TEAM,
                new LabelSchema(classes, null),
                "ana",
                CREATED,
                CREATED,
                1);
    }

    /** The georeferenced scene: water twice, debris with a hole, cloud over part of the first water box. */
    ExportImage scene() {
        EventImage image = image("img-scene", "scene.tif", "image/tiff", 512, 512, georeference(), ACQUIRED);
        return new ExportImage(
                image,
                List.of(
                        label("a1", image, Annotation.Shape.BOX, "water", box(64, 64, 192, 128), Map.of()),
                        label(
                                "a2",
                                image,
                                Annotation.Shape.POLYGON,
                                "debris",
                                withHole(box(256, 256, 448, 448), box(320, 320, 384, 384)),
                                Map.of("confidence", 0.9, "note", "cars and trees")),
                        label("a3", image, Annotation.Shape.POLYGON, "cloud", box(160, 96, 224, 160), Map.of()),
                        label("a4", image, Annotation.Shape.BOX, "water", box(0, 480, 32, 512), Map.of())),
                "train",
                "images/train/flood-2024-scene.tif",
                "flood-2024-scene",
                512,
                512,
                Map.of("kind", "extraction", "layer", "modis:true-color", "time", "2024-05-01", "crs", "EPSG:4326"));
    }

    /** A plain picture: no place on Earth, no acquisition time. */
    ExportImage photo() {
        EventImage image = image("img-photo", "photo.png", "image/png", 300, 200, null, null);
        return new ExportImage(
                image,
                List.of(
                        label("b1", image, Annotation.Shape.BOX, "debris", box(10, 20, 60, 80), Map.of()),
                        label(
                                "b2",
                                image,
                                Annotation.Shape.POLYGON,
                                "water",
                                GEOMETRY.createPolygon(new Coordinate[] {
                                    new Coordinate(100, 150),
                                    new Coordinate(250, 150),
                                    new Coordinate(175, 50),
                                    new Coordinate(100, 150)
                                }),
                                Map.of())),
                "val",
                "images/val/flood-2024-photo.png",
                "flood-2024-photo",
                300,
                200,
                Map.of("kind", "upload", "file", "photo.png"));
    }

    /** Writes the images' files and runs a format over the event's images into a new zip. */
    Path export(DatasetFormat format, String zipName, ExportImage... images) throws IOException {
        return export(event, format, zipName, images);
    }

    Path export(Event event, DatasetFormat format, String zipName, ExportImage... images) throws IOException {
        Path zip = dir.resolve(zipName);
        Path work = Files.createTempDirectory(dir, "work");
        try (OutputStream out = Files.newOutputStream(zip);
                ExportArchive archive = new ExportArchive(out)) {
            for (ExportImage image : images) {
                archive.file(image.path(), file(image));
            }
            ExportContext context = new ExportContext(event, options(format.id()), archive, work);
            try (FormatWriter writer = format.open(context)) {
                for (ExportImage image : images) {
                    writer.image(image);
                }
                writer.finish();
            }
        }
        return zip;
    }

    Path export(DatasetFormat format, String zipName) throws IOException {
        return export(format, zipName, scene(), photo());
    }

    Path file(ExportImage image) {
        return image.image().georeference() != null ? sceneFile : photoFile;
    }

    static Path unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path file = target.resolve(e.getName()).normalize();
                Files.createDirectories(file.getParent());
                Files.copy(entries, file);
            }
        }
        return target;
    }

    static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static Polygon box(double minX, double minY, double maxX, double maxY) {
        return (Polygon) GEOMETRY.toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    static Polygon withHole(Polygon shell, Polygon hole) {
        return GEOMETRY.createPolygon(
                GEOMETRY.createLinearRing(shell.getExteriorRing().getCoordinates()), new LinearRing[] {
                    GEOMETRY.createLinearRing(hole.getExteriorRing().getCoordinates())
                });
    }

    /** Pixel corners to longitude and latitude, as the scene's transform says. */
    static Geometry onEarth(Geometry pixels) {
        double[] t = SCENE_TRANSFORM;
        return new AffineTransformation(t[1], t[2], t[0], t[4], t[5], t[3]).transform(pixels);
    }

    static ExportOptions options(String format) {
        return new ExportOptions(
                List.of(format),
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                ExportOptions.Split.defaults(),
                "original");
    }

    private static Georeference georeference() {
        return new Georeference("EPSG:4326", SCENE_TRANSFORM, GEOMETRY.toGeometry(new Envelope(5, 15, 40, 50)));
    }

    static EventImage image(
            String id, String name, String mediaType, int width, int height, Georeference geo, Instant acquired) {
        return new EventImage(
                id,
                "ev-1",
                name,
                mediaType,
                width,
                height,
                1000,
                "0".repeat(64),
                "events/ev-1/" + name,
                geo,
                ImageStatus.ACCEPTED,
                null,
                "ana",
                List.of("present"),
                Map.of("kind", "upload"),
                acquired,
                "ana",
                CREATED,
                CREATED,
                3);
    }

    /** A pixel label; on Earth through the scene's transform when the image is georeferenced. */
    static Annotation label(
            String id,
            EventImage image,
            Annotation.Shape shape,
            String cls,
            Geometry pixels,
            Map<String, Object> attrs) {
        Geometry geographic = image.georeference() == null ? null : onEarth(pixels);
        return new Annotation(
                id,
                "ev-1",
                image.id(),
                Annotation.Space.PIXEL,
                shape,
                cls,
                pixels,
                geographic,
                attrs,
                "ana",
                CREATED,
                CREATED,
                1);
    }
}
