package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Writes the labels of {@link ShapefileFormat}, each into the file set of its geometry type. */
final class ShapefileWriter implements FormatWriter {

    private static final String FOLDER = "shapefile/";

    private final ExportContext context;
    private final Path directory;
    private final Map<ShapeType, ShapefileLayer> layers = new EnumMap<>(ShapeType.class);

    ShapefileWriter(ExportContext context) throws IOException {
        this.context = context;
        this.directory = Files.createDirectories(context.workDirectory().resolve("shapefile"));
    }

    @Override
    public void shape(Annotation shape) throws IOException {
        add(GeoLabel.ofMapShape(context.event(), shape));
    }

    @Override
    public void image(ExportImage image) throws IOException {
        for (Annotation label : image.annotations()) {
            add(GeoLabel.ofImageLabel(context.event(), image, label));
        }
    }

    private void add(GeoLabel label) throws IOException {
        if (label == null || label.geometry() == null) {
            return;
        }
        for (Geometry part : byType(label.geometry())) {
            ShapeType type = ShapeType.of(part);
            ShapefileLayer layer = layers.get(type);
            if (layer == null) {
                layer = new ShapefileLayer(directory, "labels_" + type.layer, type);
                layers.put(type, layer);
            }
            layer.add(label, part);
        }
    }

    /**
     * The geometry as shapefile types: itself, or for a mixed collection its polygons, lines and
     * points as one multi-geometry each (a record per type, with the same attributes); nothing
     * when empty.
     */
    private static List<Geometry> byType(Geometry g) {
        if (g.isEmpty()) {
            return List.of();
        }
        if (ShapeType.of(g) != null) {
            return List.of(g);
        }
        List<Polygon> polygons = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        collect((GeometryCollection) g, polygons, lines, points);
        GeometryFactory f = g.getFactory();
        List<Geometry> parts = new ArrayList<>();
        if (!polygons.isEmpty()) {
            parts.add(f.createMultiPolygon(polygons.toArray(Polygon[]::new)));
        }
        if (!lines.isEmpty()) {
            parts.add(f.createMultiLineString(lines.toArray(LineString[]::new)));
        }
        if (!points.isEmpty()) {
            parts.add(f.createMultiPoint(points.toArray(Point[]::new)));
        }
        return parts;
    }

    private static void collect(
            GeometryCollection c, List<Polygon> polygons, List<LineString> lines, List<Point> points) {
        for (int i = 0; i < c.getNumGeometries(); i++) {
            Geometry member = c.getGeometryN(i);
            if (member.isEmpty()) {
                continue;
            }
            if (member instanceof Polygon p) {
                polygons.add(p);
            } else if (member instanceof LineString l) {
                lines.add(l);
            } else if (member instanceof Point p) {
                points.add(p);
            } else {
                collect((GeometryCollection) member, polygons, lines, points);
            }
        }
    }

    /** Completes each file set and copies it into the archive, in a fixed order. */
    @Override
    public void finish() throws IOException {
        for (ShapefileLayer layer : layers.values()) {
            layer.finish(context.archive(), FOLDER);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ShapefileLayer layer : layers.values()) {
            try {
                layer.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        layers.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
