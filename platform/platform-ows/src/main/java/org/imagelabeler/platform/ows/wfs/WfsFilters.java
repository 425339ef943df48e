package org.imagelabeler.platform.ows.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.filter.Filter;
import org.imagelabeler.platform.feature.filter.FilterException;
import org.imagelabeler.platform.feature.filter.FilterParser;
import org.imagelabeler.platform.feature.gml.GmlException;
import org.imagelabeler.platform.feature.gml.OgcSrsNames;
import org.imagelabeler.platform.feature.gml.SrsResolver;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.raster.CrsRegistry;
import org.imagelabeler.platform.raster.GeometryTransformer;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;

/**
 * The filters of WFS requests: {@code FILTER} documents (Filter Encoding 2.0 or 1.1), the
 * {@code BBOX} parameter, and resource ids, which WFS shows as {@code typename.id}. Geometries
 * without an srsName are in the CRS the capabilities announce ({@code DefaultCRS}, latitude
 * first in the URN form GDAL follows); every geometry is brought to storage (EPSG:4326) here.
 */
final class WfsFilters {

    /** Apache SIS says which EPSG CRSs put northing first; unknown codes are refused later. */
    static final SrsResolver SRS_NAMES = new OgcSrsNames(code ->
            CrsRegistry.canonical(code).map(CrsRegistry::isNorthingFirst).orElse(false));

    private final WfsLayers layers;

    WfsFilters(WfsLayers layers) {
        this.layers = layers;
    }

    Filter parse(String xml, WfsLayers.FeatureLayer type, WfsVersion v) {
        return reading("FILTER", () -> parser(type, v).parse(xml));
    }

    Filter parse(Element filter, WfsLayers.FeatureLayer type, WfsVersion v) {
        return reading("Filter", () -> parser(type, v).parse(filter));
    }

    Filter bbox(String value, WfsLayers.FeatureLayer type, WfsVersion v) {
        return reading("BBOX", () -> parser(type, v).bboxParameter(value, v.defaultSrsName));
    }

    /** The ids among {@code value} ({@code type.id,type.id}) that belong to {@code type}. */
    Filter resourceIds(String value, WfsLayers.FeatureLayer type) {
        List<Filter.Rid> ids = new ArrayList<>();
        for (String rid : value.split(",")) {
            String id = rid.trim();
            String prefix = type.typeName() + ".";
            if (id.startsWith(prefix)) {
                ids.add(new Filter.Rid(id.substring(prefix.length()), null));
            }
        }
        return ids.isEmpty() ? Filter.EXCLUDE : new Filter.ResourceId(ids);
    }

    /** The feature types that resource ids ({@code typename.id}) name, in order of first mention. */
    List<WfsLayers.FeatureLayer> typesOf(String value, OwsRequest request) {
        Map<String, WfsLayers.FeatureLayer> byName = new LinkedHashMap<>();
        List<WfsLayers.FeatureLayer> advertised = layers.advertised(request);
        for (String rid : value.split(",")) {
            String id = rid.trim();
            int dot = id.lastIndexOf('.');
            if (dot <= 0) {
                throw OwsException.invalid("RESOURCEID", "resource id '" + id + "' is not of the form typename.id");
            }
            String typeName = id.substring(0, dot);
            WfsLayers.FeatureLayer type = advertised.stream()
                    .filter(t -> t.typeName().equals(typeName))
                    .findFirst()
                    .orElseThrow(() -> OwsException.invalid(
                            "RESOURCEID", "resource id '" + id + "' names no feature type of this service"));
            byName.putIfAbsent(typeName, type);
        }
        return new ArrayList<>(byName.values());
    }

    private static FilterParser parser(WfsLayers.FeatureLayer type, WfsVersion v) {
        return new FilterParser(type.source().type(), SRS_NAMES, v.defaultSrsName, WfsFilters::toStorage);
    }

    private static Filter reading(String parameter, Supplier<Filter> read) {
        try {
            return read.get();
        } catch (FilterException e) {
            throw OwsException.invalid(e.locator() != null ? e.locator() : parameter, e.getMessage());
        } catch (GmlException e) {
            throw OwsException.invalid(parameter, e.getMessage());
        }
    }

    /** A geometry read in the CRS of its SRID (easting first), in EPSG:4326, longitude first. */
    static Geometry toStorage(Geometry g) {
        if (g.getSRID() == 0 || g.getSRID() == 4326) {
            return g;
        }
        String code = "EPSG:" + g.getSRID();
        try {
            Geometry copy = GeometryTransformer.transform(
                    g, CrsRegistry.transform(CrsRegistry.xy(code), CrsRegistry.xy(FeatureType.CRS)));
            copy.setSRID(4326);
            return copy;
        } catch (org.opengis.referencing.operation.TransformException e) {
            throw new FilterException("a geometry in " + code + " has no place in EPSG:4326", null);
        } catch (IllegalArgumentException | org.opengis.util.FactoryException e) {
            throw new FilterException("unknown CRS " + code + " in a filter", null);
        }
    }
}
