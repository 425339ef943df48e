package org.imagelabeler.labeler.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.raster.CoverageDescription;
import org.imagelabeler.platform.raster.CoverageResampler;
import org.imagelabeler.platform.raster.CoverageSource;
import org.imagelabeler.platform.raster.GeoTiffInspector;
import org.imagelabeler.platform.raster.RasterProblem;
import org.imagelabeler.platform.raster.RasterStyle;
import org.imagelabeler.platform.render.MapView;
import org.imagelabeler.platform.rest.ApiProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Checks an uploaded file and reads what the event needs of it: the kind (from its first bytes,
 * not from what the client claims), size, georeference, and a picture of it at most {@code
 * maxSide} pixels on its long side, read with subsampling so that memory stays small whatever
 * the file's size. A file that is not a whole PNG, JPEG or georeferenced GeoTIFF is refused with
 * a 400 that says why.
 */
final class ImageInspector {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GEOTIFF = "image/tiff";

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private ImageInspector() {}

    /** What was found: kind, size, georeference (or null), and the reduced picture. */
    record Inspection(String mediaType, int width, int height, Georeference georeference, BufferedImage picture) {}

    static Inspection inspect(Path file, int maxSide) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw ApiProblem.badRequest("file", "the file is empty");
        }
        String kind = sniff(file);
        if (kind == null) {
            throw ApiProblem.badRequest("file", "not a PNG, JPEG or GeoTIFF file");
        }
        return kind.equals(GEOTIFF) ? geotiff(file, maxSide) : picture(file, kind, maxSide);
    }

    private static String sniff(Path file) throws IOException {
        byte[] h = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, 8);
        }
        if (n >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return PNG;
        }
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        boolean little = n >= 4 && h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0;
        boolean big = n >= 4 && h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43);
        return little || big ? GEOTIFF : null;
    }

    private static Inspection picture(Path file, String kind, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ApiProblem.badRequest("file", "no reader for this " + label(kind) + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                // decodes the whole stream: a truncated or corrupt file fails here
                BufferedImage picture = reader.read(0, param);
                return new Inspection(kind, w, h, null, picture);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem p) {
                throw p;
            }
            throw ApiProblem.badRequest(
                    "file", "the " + label(kind) + " file is truncated or corrupt: " + e.getMessage());
        }
    }

    private static Inspection geotiff(Path file, int maxSide) throws IOException {
        CoverageDescription d;
        try {
            d = GeoTiffInspector.inspect(file);
        } catch (RasterProblem e) {
            throw ApiProblem.badRequest("file", e.getMessage())
                    .with("problem", e.kind().name());
        }
        BoundingBox b = d.nativeBounds();
        double[] transform = {
            b.minX(), (b.maxX() - b.minX()) / d.width(), 0, b.maxY(), 0, -(b.maxY() - b.minY()) / d.height()
        };
        BoundingBox g = d.geographicBounds();
        var footprint = WGS84.createPolygon(new Coordinate[] {
            new Coordinate(g.minX(), g.minY()),
            new Coordinate(g.maxX(), g.minY()),
            new Coordinate(g.maxX(), g.maxY()),
            new Coordinate(g.minX(), g.maxY()),
            new Coordinate(g.minX(), g.minY())
        });
        Georeference geo = new Georeference(d.crs(), transform, footprint);
        double scale = Math.min(1, maxSide / (double) Math.max(d.width(), d.height()));
        int w = Math.max(1, (int) Math.round(d.width() * scale));
        int h = Math.max(1, (int) Math.round(d.height() * scale));
        BufferedImage picture;
        try (CoverageSource source = CoverageSource.open(file)) {
            picture = copy(CoverageResampler.render(
                    source, RasterStyle.resolve(null, source), new MapView(d.crs(), b, w, h, Map.of())));
        } catch (RasterProblem e) {
            // JPEG-compressed GeoTIFFs: the JDK's TIFF reader decodes them
            picture = picture(file, GEOTIFF, maxSide).picture();
        } catch (Exception e) {
            throw ApiProblem.badRequest("file", "the GeoTIFF cannot be read: " + e.getMessage());
        }
        if (picture == null) {
            throw ApiProblem.badRequest("file", "the GeoTIFF holds no data");
        }
        return new Inspection(GEOTIFF, d.width(), d.height(), geo, picture);
    }

    /** The renderer reuses its picture per thread: keep a copy. */
    private static BufferedImage copy(BufferedImage image) {
        if (image == null) {
            return null;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        var g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private static String label(String kind) {
        return switch (kind) {
            case PNG -> "PNG";
            case JPEG -> "JPEG";
            default -> "TIFF";
        };
    }
}
