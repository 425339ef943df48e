package org.imagelabeler.platform.ows.wfs;

import java.util.Locale;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.raster.GeometryTransformer;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * The CRS features are written in ({@code srsName}), and how to get there from storage
 * (EPSG:4326, longitude first). The axis-order trap: the URN and HTTP URI forms mean the EPSG
 * axis order (latitude first for EPSG:4326), the short {@code EPSG:4326} form means longitude
 * first, as GeoServer and the clients that talk to it (QGIS, GDAL, OWSLib) expect.
 *
 * @param srsName as the request gave it, echoed in the response
 * @param code {@code EPSG:n}
 * @param northingFirst whether coordinates are written northing (latitude) first
 * @param fromStorage null when the output CRS is the storage CRS
 */
record OutputCrs(String srsName, String code, boolean northingFirst, MathTransform fromStorage) {

    static OutputCrs of(String srsName, WfsVersion version) {
        String name = srsName == null || srsName.isBlank() ? version.defaultSrsName : srsName.trim();
        String upper = name.toUpperCase(Locale.ROOT);
        String code;
        boolean authorityOrder;
        if (upper.contains("CRS84")) {
            code = FeatureType.CRS;
            authorityOrder = false;
        } else if (upper.startsWith("URN:OGC:DEF:CRS:EPSG:") || upper.startsWith("URN:X-OGC:DEF:CRS:EPSG:")) {
            code = "EPSG:" + name.substring(name.lastIndexOf(':') + 1);
            authorityOrder = true;
        } else if (upper.startsWith("HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/")) {
            code = "EPSG:" + name.substring(name.lastIndexOf('/') + 1);
            authorityOrder = true;
        } else if (upper.startsWith("HTTP://WWW.OPENGIS.NET/GML/SRS/EPSG.XML#")) {
            code = "EPSG:" + name.substring(name.lastIndexOf('#') + 1);
            authorityOrder = false;
        } else if (upper.startsWith("EPSG:")) {
            code = upper;
            authorityOrder = false;
        } else {
            throw unknown(name);
        }
        String canonical = CrsRegistry.canonical(code).orElseThrow(() -> unknown(name));
        try {
            MathTransform transform = canonical.equals(FeatureType.CRS)
                    ? null
                    : CrsRegistry.transform(CrsRegistry.xy(FeatureType.CRS), CrsRegistry.xy(canonical));
            return new OutputCrs(name, canonical, authorityOrder && CrsRegistry.isNorthingFirst(canonical), transform);
        } catch (org.opengis.util.FactoryException e) {
            throw new OwsException(
                    OwsException.INVALID_PARAMETER, "srsName", "no transformation from EPSG:4326 to " + name);
        }
    }

    /** The geometry in this CRS (still easting first: writers swap axes as they write). */
    Geometry project(Geometry g) {
        if (fromStorage == null || g == null) {
            return g;
        }
        try {
            return GeometryTransformer.transform(g, fromStorage);
        } catch (TransformException e) {
            throw new IllegalArgumentException("a geometry cannot be expressed in " + srsName, e);
        }
    }

    private static OwsException unknown(String name) {
        return new OwsException(OwsException.INVALID_PARAMETER, "srsName", "unknown srsName '" + name + "'");
    }
}
