package org.imagelabeler.platform.raster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.sis.coverage.SampleDimension;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.geometry.Envelopes;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.apache.sis.util.Utilities;
import org.apache.sis.util.collection.TableColumn;
import org.apache.sis.util.collection.TreeTable;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.opengis.geometry.Envelope;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Checks that a file is a GeoTIFF this server can serve, and describes it. Refusals name the
 * problem and, where GDAL can fix it, the command that does.
 */
public final class GeoTiffInspector {

    /** Compressions decoded here: Apache SIS for all but JPEG, which the JDK's TIFF reader decodes. */
    static final Set<String> SUPPORTED_COMPRESSIONS = Set.of("NONE", "LZW", "DEFLATE", "PACKBITS", "JPEG");

    /** TIFF compression codes Apache SIS does not name (registered by GDAL and others). */
    private static final Map<Integer, String> OTHER_COMPRESSIONS =
            Map.of(6, "OJPEG", 34887, "LERC", 34925, "LZMA", 50000, "ZSTD", 50001, "WEBP", 50002, "JXL", 52546, "JXL");

    private GeoTiffInspector() {}

    public static CoverageDescription inspect(Path file) {
        boolean bigTiff = checkTiffHeader(file);
        try (DataStore store = new GeoTiffStoreProvider().open(new StorageConnector(file))) {
            TiffTags tags = TiffTags.of(store.getNativeMetadata());
            String compression = tags.compression();
            if (!SUPPORTED_COMPRESSIONS.contains(compression)) {
                throw new RasterProblem(
                        RasterProblem.Kind.UNSUPPORTED_COMPRESSION,
                        compression + " compression is not supported (no Java decoder for it here); convert the file"
                                + " with: gdal_translate -co COMPRESS=DEFLATE -co TILED=YES "
                                + quote(file.getFileName())
                                + " converted.tif");
            }
            if (compression.equals("JPEG") && bigTiff) {
                throw new RasterProblem(
                        RasterProblem.Kind.UNSUPPORTED_COMPRESSION,
                        "JPEG compression in a BigTIFF is not supported; convert the file with: gdal_translate -co"
                                + " COMPRESS=DEFLATE -co TILED=YES -co BIGTIFF=YES " + quote(file.getFileName())
                                + " converted.tif");
            }
            SampleType type = SampleType.of(tags.bitsPerSample(), tags.sampleFormat());
            if (type == null) {
                throw new RasterProblem(
                        RasterProblem.Kind.UNSUPPORTED_LAYOUT,
                        tags.bitsPerSample() + "-bit samples of format " + tags.sampleFormat()
                                + " are not supported: 8, 16 or 32-bit integers, or 32 or 64-bit floats");
            }
            GridCoverageResource coverage = firstCoverage(store);
            GridGeometry grid = coverage.getGridGeometry();
            if (!grid.isDefined(GridGeometry.CRS | GridGeometry.GRID_TO_CRS | GridGeometry.ENVELOPE)) {
                throw new RasterProblem(
                        RasterProblem.Kind.NO_GEOREFERENCING,
                        "the file has no georeferencing (no CRS or no pixel-to-map transform); add it, e.g. with:"
                                + " gdal_translate -a_srs EPSG:4326 -a_ullr <west> <north> <east> <south> "
                                + quote(file.getFileName()) + " georeferenced.tif");
            }
            CoordinateReferenceSystem crs = grid.getCoordinateReferenceSystem();
            String code = epsgCode(crs)
                    .orElseThrow(() -> new RasterProblem(
                            RasterProblem.Kind.UNKNOWN_CRS,
                            "the file's coordinate reference system ("
                                    + crs.getName().getCode()
                                    + ") has no EPSG code; reproject it, e.g. with: gdalwarp -t_srs EPSG:4326 "
                                    + quote(file.getFileName()) + " reprojected.tif"));
            CoordinateReferenceSystem xy = AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
            Envelope env = Envelopes.transform(grid.getEnvelope(), xy);
            BoundingBox nativeBounds =
                    new BoundingBox(env.getMinimum(0), env.getMinimum(1), env.getMaximum(0), env.getMaximum(1), code);
            GeographicBoundingBox geo = grid.getGeographicExtent().orElseThrow();
            BoundingBox geographic = new BoundingBox(
                    geo.getWestBoundLongitude(),
                    geo.getSouthBoundLatitude(),
                    geo.getEastBoundLongitude(),
                    geo.getNorthBoundLatitude(),
                    "EPSG:4326");
            return new CoverageDescription(
                    tags.width(),
                    tags.height(),
                    tags.samplesPerPixel(),
                    type,
                    compression,
                    bigTiff,
                    tags.tileWidth(),
                    tags.tileHeight(),
                    tags.overviews(),
                    code,
                    nativeBounds,
                    geographic,
                    (nativeBounds.maxX() - nativeBounds.minX()) / tags.width(),
                    (nativeBounds.maxY() - nativeBounds.minY()) / tags.height(),
                    tags.noData().orElse(noData(coverage)));
        } catch (DataStoreException | TransformException | RuntimeException e) {
            if (e instanceof RasterProblem p) {
                throw p;
            }
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "the GeoTIFF cannot be read: " + e.getMessage(), e);
        }
    }

    /** The EPSG code of a CRS, ignoring axis order (Apache SIS reads EPSG:4326 as CRS:84). */
    static Optional<String> epsgCode(CoordinateReferenceSystem crs) {
        if (Utilities.equalsIgnoreMetadata(CommonCRS.WGS84.normalizedGeographic(), crs)
                || Utilities.equalsIgnoreMetadata(CommonCRS.WGS84.geographic(), crs)) {
            return Optional.of("EPSG:4326");
        }
        try {
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code == null) {
                code = IdentifiedObjects.lookupEPSG(
                        AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.DISPLAY_ORIENTED));
            }
            if (code != null && CRS.forCode("EPSG:" + code) != null) {
                return Optional.of("EPSG:" + code);
            }
            return Optional.empty();
        } catch (FactoryException e) {
            return Optional.empty();
        }
    }

    private static GridCoverageResource firstCoverage(DataStore store) throws DataStoreException {
        if (store instanceof Aggregate aggregate) {
            for (Resource r : aggregate.components()) {
                if (r instanceof GridCoverageResource g) {
                    return g;
                }
            }
        }
        throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "the TIFF holds no image");
    }

    private static Double noData(GridCoverageResource coverage) throws DataStoreException {
        for (SampleDimension band : coverage.getSampleDimensions()) {
            for (Number value : band.getNoDataValues()) {
                return value.doubleValue();
            }
        }
        return null;
    }

    /** Checks the TIFF signature; returns true for BigTIFF. */
    private static boolean checkTiffHeader(Path file) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "the file cannot be read: " + e.getMessage(), e);
        }
        boolean little = read == 4 && head[0] == 'I' && head[1] == 'I' && head[3] == 0;
        boolean big = read == 4 && head[0] == 'M' && head[1] == 'M' && head[2] == 0;
        int magic = little ? head[2] : big ? head[3] : -1;
        if (magic != 42 && magic != 43) {
            throw new RasterProblem(
                    RasterProblem.Kind.NOT_TIFF, "the file is not a TIFF (it does not start with a TIFF signature)");
        }
        return magic == 43;
    }

    private static String quote(Path name) {
        String s = name.toString();
        return s.matches("[A-Za-z0-9._/-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** The tags of the main image and the count of its overviews, from Apache SIS's native metadata. */
    record TiffTags(Map<Integer, Object> main, int overviews) {

        static TiffTags of(Optional<TreeTable> nativeMetadata) {
            TreeTable table = nativeMetadata.orElseThrow(
                    () -> new RasterProblem(RasterProblem.Kind.UNREADABLE, "the TIFF directory cannot be read"));
            // Apache SIS names its "Code" column in an internal class: find it by header.
            TableColumn<?> codeColumn = table.getColumns().stream()
                    .filter(c ->
                            c.getHeader().toString(java.util.Locale.ENGLISH).equals("Code"))
                    .findFirst()
                    .orElseThrow(() -> new RasterProblem(RasterProblem.Kind.UNREADABLE, "no TIFF tag codes"));
            Map<Integer, Object> main = null;
            int overviews = 0;
            for (TreeTable.Node image : table.getRoot().getChildren()) {
                Map<Integer, Object> tags = new java.util.HashMap<>();
                for (TreeTable.Node tag : image.getChildren()) {
                    Object code = tag.getValue(codeColumn);
                    if (code instanceof Integer c) {
                        tags.put(c, tag.getValue(TableColumn.VALUE));
                    }
                }
                int subfileType = tags.get(254) instanceof Number n ? n.intValue() : 0;
                if (main == null && (subfileType & 1) == 0) {
                    main = tags;
                } else if ((subfileType & 1) != 0 && (subfileType & 4) == 0) {
                    overviews++;
                }
            }
            if (main == null) {
                throw new RasterProblem(RasterProblem.Kind.UNREADABLE, "the TIFF holds no full-resolution image");
            }
            return new TiffTags(main, overviews);
        }

        String compression() {
            Object v = main.get(259);
            if (v == null) {
                return "NONE";
            }
            if (v instanceof Number n) {
                return OTHER_COMPRESSIONS.getOrDefault(n.intValue(), "code " + n.intValue());
            }
            String name = v.toString().toUpperCase(java.util.Locale.ROOT);
            return name.equals("ADOBE_DEFLATE") ? "DEFLATE" : name;
        }

        /** GDAL's nodata tag (42113), an ASCII number. */
        Optional<Double> noData() {
            Object v = main.get(42113);
            if (v == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Double.valueOf(v.toString().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        int width() {
            return integer(256, 0);
        }

        int height() {
            return integer(257, 0);
        }

        int samplesPerPixel() {
            return integer(277, 1);
        }

        int tileWidth() {
            return integer(322, 0);
        }

        int tileHeight() {
            return integer(323, 0);
        }

        int bitsPerSample() {
            return first(258, 1);
        }

        int sampleFormat() {
            return first(339, 1);
        }

        private int integer(int tag, int otherwise) {
            return main.get(tag) instanceof Number n ? n.intValue() : otherwise;
        }

        /** The first value of a per-sample tag (SIS gives arrays as Number lists or Vectors). */
        private int first(int tag, int otherwise) {
            Object v = main.get(tag);
            if (v instanceof Number n) {
                return n.intValue();
            }
            if (v instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Number n) {
                return n.intValue();
            }
            if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) > 0) {
                return ((Number) java.lang.reflect.Array.get(v, 0)).intValue();
            }
            return otherwise;
        }
    }
}
