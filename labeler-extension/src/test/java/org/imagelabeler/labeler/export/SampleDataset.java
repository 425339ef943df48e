package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.LabelClass;
import org.imagelabeler.labeler.events.LabelSchema;
import org.imagelabeler.labeler.events.Visibility;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.Georeference;
import org.imagelabeler.labeler.images.ImageStatus;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small flood event as an export sees it: four map shapes (a polygon with a hole, a line, a
 * point, a multipolygon), a georeferenced image with two labels on Earth, and a plain picture
 * with one label that has no place on Earth. Non-ASCII text throughout.
 */
final class SampleDataset {

    static final String ZURICH = "Zürich 雲";
    static final Instant CREATED = Instant.parse("2024-05-01T10:15:30.123Z");
    static final Instant UPDATED = Instant.parse("2024-05-03T08:00:00Z");

    static final Event EVENT = new Event(
            "ev-1",
            "zurich-flood",
            "Flood in Zürich",
            null,
            "flood",
            null,
            null,
            null,
            List.of(),
            Visibility.PUBLIC,
            new LabelSchema(
                    List.of(
                            new LabelClass("water", "#0000ff", null),
                            new LabelClass(ZURICH, "#ff0000", null),
                            new LabelClass("debris", "#00ff00", null)),
                    null),
            "alice",
            CREATED,
            UPDATED,
            1);

    /** Outer 8..9 x 47..48 less a hole 8.25..8.75 x 47.25..47.75: 0.75 square degrees. */
    static final String POLYGON_WITH_HOLE = "POLYGON ((8 47, 9 47, 9 48, 8 48, 8 47),"
            + " (8.25 47.25, 8.75 47.25, 8.75 47.75, 8.25 47.75, 8.25 47.25))";

    static final List<Annotation> MAP_SHAPES = List.of(
            mapShape("shape-hole", Annotation.Shape.POLYGON, "water", POLYGON_WITH_HOLE, ZURICH),
            mapShape("shape-line", Annotation.Shape.LINE, "debris", "LINESTRING (8 47, 8.5 47.5, 9 47.2)", "bob"),
            mapShape("shape-point", Annotation.Shape.POINT, ZURICH, "POINT (8.54 47.37)", "bob"),
            mapShape(
                    "shape-multi",
                    Annotation.Shape.POLYGON,
                    "water",
                    "MULTIPOLYGON (((10 45, 11 45, 11 46, 10 46, 10 45)), ((12 45, 12.5 45, 12.5 45.5, 12 45.5, 12 45)))",
                    "bob"));

    /** A chip extracted over lon 5..15, lat 40..50, 512 x 512 pixels, accepted by a reviewer. */
    static final ExportImage GEOREFERENCED = new ExportImage(
            image(
                    "img-geo",
                    "flood.tif",
                    new Georeference(
                            "EPSG:4326",
                            new double[] {5, 10.0 / 512, 0, 50, 0, -10.0 / 512},
                            geometry("POLYGON ((5 40, 15 40, 15 50, 5 50, 5 40))")),
                    ImageStatus.ACCEPTED),
            List.of(
                    label(
                            "label-box",
                            "img-geo",
                            Annotation.Shape.BOX,
                            "water",
                            "POLYGON ((0 0, 256 0, 256 256, 0 256, 0 0))",
                            "POLYGON ((5 50, 10 50, 10 45, 5 45, 5 50))"),
                    label(
                            "label-polygon",
                            "img-geo",
                            Annotation.Shape.POLYGON,
                            ZURICH,
                            "POLYGON ((256 256, 512 256, 512 512, 256 256))",
                            "POLYGON ((10 45, 15 45, 15 40, 10 45))")),
            "train",
            "images/train/flood-3f2a9c01.tif",
            "flood-3f2a9c01",
            512,
            512,
            Map.of(
                    "kind",
                    "extraction",
                    "layer",
                    "gibs:MODIS_Terra_CorrectedReflectance_TrueColor",
                    "time",
                    "2024-04-30",
                    "bbox",
                    List.of(5, 40, 15, 50),
                    "crs",
                    "EPSG:4326"));

    /** A plain PNG: its label is in pixels only. */
    static final ExportImage PICTURE = new ExportImage(
            image("img-plain", "photo.png", null, ImageStatus.LABELED),
            List.of(label(
                    "label-plain",
                    "img-plain",
                    Annotation.Shape.BOX,
                    "debris",
                    "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))",
                    null)),
            "val",
            "images/val/photo-77aa0b12.png",
            "photo-77aa0b12",
            640,
            480,
            Map.of("kind", "upload"));

    private SampleDataset() {}

    /** Runs a format over the sample, as an export would, into {@code dir/export.zip}. */
    static Path export(DatasetFormat format, Path dir) throws IOException {
        return export(format, dir, writer -> {
            for (Annotation shape : MAP_SHAPES) {
                writer.shape(shape);
            }
            writer.image(GEOREFERENCED);
            writer.image(PICTURE);
        });
    }

    interface Feed {
        void into(FormatWriter writer) throws IOException;
    }

    /** Runs a format over the given items into {@code dir/export.zip}; its work directory ends empty. */
    static Path export(DatasetFormat format, Path dir, Feed items) throws IOException {
        Path zip = dir.resolve("export.zip");
        Path work = Files.createDirectories(dir.resolve("work"));
        ExportOptions options = new ExportOptions(
                List.of(format.id()),
                false,
                List.of(),
                List.of(),
                null,
                null,
                null,
                ExportOptions.Split.defaults(),
                "original");
        try (OutputStream out = Files.newOutputStream(zip);
                ExportArchive archive = new ExportArchive(out)) {
            ExportContext context = new ExportContext(EVENT, options, archive, work);
            try (FormatWriter writer = format.open(context)) {
                items.into(writer);
                writer.finish();
            }
        }
        return zip;
    }

    static Annotation mapShape(String id, Annotation.Shape shape, String className, String wkt, String author) {
        return new Annotation(
                id,
                EVENT.id(),
                null,
                Annotation.Space.MAP,
                shape,
                className,
                null,
                geometry(wkt),
                Map.of("depth_m", 1.5, "note", ZURICH),
                author,
                CREATED,
                UPDATED,
                3);
    }

    private static Annotation label(
            String id, String imageId, Annotation.Shape shape, String className, String pixels, String geographic) {
        return new Annotation(
                id,
                EVENT.id(),
                imageId,
                Annotation.Space.PIXEL,
                shape,
                className,
                geometry(pixels),
                geographic == null ? null : geometry(geographic),
                Map.of(),
                "carol",
                CREATED,
                UPDATED,
                1);
    }

    private static EventImage image(String id, String name, Georeference georeference, ImageStatus status) {
        return new EventImage(
                id,
                EVENT.id(),
                name,
                georeference == null ? "image/png" : "image/tiff",
                512,
                512,
                1000,
                "0".repeat(64),
                "images/" + id,
                georeference,
                status,
                null,
                "carol",
                List.of("present"),
                Map.of("kind", "upload"),
                Instant.parse("2024-04-30T12:00:00Z"),
                "carol",
                CREATED,
                UPDATED,
                2);
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
