package org.imagelabeler.platform.raster;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;

/**
 * CRS codes as OGC clients send them ({@code EPSG:4326}, {@code CRS:84}, the unofficial
 * {@code EPSG:900913}, {@code urn:ogc:def:crs:EPSG::3857}), resolved once and cached. The first
 * EPSG lookup opens Apache SIS's EPSG database (a few seconds): {@link #warmUp()} does it at
 * start-up rather than on the first request.
 */
public final class CrsRegistry {

    private static final Map<String, String> ALIASES =
            Map.of("EPSG:900913", "EPSG:3857", "EPSG:102100", "EPSG:3857", "EPSG:102113", "EPSG:3857");

    private static final Map<String, CoordinateReferenceSystem> BY_CODE = new ConcurrentHashMap<>();
    private static final Map<String, CoordinateReferenceSystem> XY_BY_CODE = new ConcurrentHashMap<>();
    private static final Map<Pair, MathTransform> OPERATIONS = new ConcurrentHashMap<>();

    /** Two CRS instances compared by identity: cheap, and the instances here are cached ones. */
    private record Pair(CoordinateReferenceSystem source, CoordinateReferenceSystem target) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.source == source && p.target == target;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(source) + System.identityHashCode(target);
        }
    }

    private CrsRegistry() {}

    /** Opens the EPSG database and resolves the CRSs every map request uses. */
    public static void warmUp() {
        for (String code : new String[] {"EPSG:4326", "EPSG:3857", "CRS:84", "EPSG:32633"}) {
            find(code);
        }
    }

    /** The canonical form of a code, {@code EPSG:3857} for its aliases, or empty if unknown. */
    public static Optional<String> canonical(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.startsWith("URN:OGC:DEF:CRS:EPSG:")) {
            c = "EPSG:" + c.substring(c.lastIndexOf(':') + 1);
        } else if (c.equals("URN:OGC:DEF:CRS:OGC:1.3:CRS84") || c.equals("OGC:CRS84")) {
            c = "CRS:84";
        } else if (c.startsWith("HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/")) {
            c = "EPSG:" + c.substring(c.lastIndexOf('/') + 1);
        }
        c = ALIASES.getOrDefault(c, c);
        return find(c).isPresent() ? Optional.of(c) : Optional.empty();
    }

    /** The CRS of a code, with the axis order its authority defines (latitude first for EPSG:4326). */
    public static Optional<CoordinateReferenceSystem> find(String code) {
        String c = ALIASES.getOrDefault(code.toUpperCase(Locale.ROOT), code.toUpperCase(Locale.ROOT));
        CoordinateReferenceSystem crs = BY_CODE.get(c);
        if (crs == null) {
            try {
                crs = c.equals("CRS:84") ? CommonCRS.WGS84.normalizedGeographic() : CRS.forCode(c);
            } catch (FactoryException | RuntimeException e) {
                return Optional.empty();
            }
            BY_CODE.put(c, crs);
        }
        return Optional.of(crs);
    }

    /** The CRS of a code with easting (or longitude) first: the order of map coordinates here. */
    public static CoordinateReferenceSystem xy(String code) {
        String c = canonical(code).orElseThrow(() -> new IllegalArgumentException("unknown CRS " + code));
        return XY_BY_CODE.computeIfAbsent(
                c, k -> AbstractCRS.castOrCopy(find(k).orElseThrow()).forConvention(AxesConvention.RIGHT_HANDED));
    }

    /**
     * Whether the authority's axis order puts northing or latitude first, as EPSG:4326 does:
     * WMS 1.3.0 and WMTS then expect coordinates in that order.
     */
    public static boolean isNorthingFirst(String code) {
        CoordinateReferenceSystem crs = find(canonical(code).orElse(code)).orElseThrow();
        AxisDirection first = crs.getCoordinateSystem().getAxis(0).getDirection();
        return first == AxisDirection.NORTH || first == AxisDirection.SOUTH;
    }

    /** The transform between two CRSs, cached. */
    public static MathTransform transform(CoordinateReferenceSystem source, CoordinateReferenceSystem target)
            throws FactoryException {
        Pair key = new Pair(source, target);
        MathTransform t = OPERATIONS.get(key);
        if (t == null) {
            CoordinateOperation op = CRS.findOperation(source, target, null);
            t = op.getMathTransform();
            OPERATIONS.put(key, t);
        }
        return t;
    }
}
