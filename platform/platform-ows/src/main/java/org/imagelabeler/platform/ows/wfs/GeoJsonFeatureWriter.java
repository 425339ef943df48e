package org.imagelabeler.platform.ows.wfs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.Feature;
import org.imagelabeler.platform.feature.FeatureCursor;
import org.imagelabeler.platform.feature.FeatureQuery;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.GeoJsonGeometry;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes GetFeature answers as GeoJSON (RFC 7946): a FeatureCollection with GeoServer's
 * {@code numberMatched}, {@code numberReturned}, {@code timeStamp} and a {@code next} link, or
 * one Feature for GetFeatureById. Coordinates are always easting (longitude) first, whatever the
 * srsName; a CRS other than EPSG:4326 is named in a {@code crs} member, as GeoServer does.
 * Features are written as they are read.
 */
final class GeoJsonFeatureWriter implements ResponseWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    @Override
    public boolean canWrite(Object result) {
        return result instanceof FeatureResponse r
                && r.request().format() == GetFeatureRequest.Format.GEOJSON
                && r.request().valueReference() == null;
    }

    @Override
    public void write(Object result, OwsRequest ows, HttpServletResponse response) throws IOException {
        FeatureResponse r = (FeatureResponse) result;
        GetFeatureRequest request = r.request();
        response.setContentType("application/json");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16);
                JsonGenerator json = JSON.createGenerator(out)) {
            if (request.byId()) {
                features(json, r);
                return;
            }
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeNumberField("numberMatched", r.totalMatched());
            json.writeNumberField("numberReturned", r.returned());
            json.writeStringField("timeStamp", r.timeStamp().toString());
            if (!request.crs().code().equals(FeatureType.CRS)) {
                json.writeObjectFieldStart("crs");
                json.writeStringField("type", "name");
                json.writeObjectFieldStart("properties");
                json.writeStringField("name", request.crs().srsName());
                json.writeEndObject();
                json.writeEndObject();
            }
            if (r.next() != null || r.previous() != null) {
                json.writeArrayFieldStart("links");
                link(json, "next", r.next());
                link(json, "previous", r.previous());
                json.writeEndArray();
            }
            json.writeArrayFieldStart("features");
            if (!request.hits()) {
                features(json, r);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void link(JsonGenerator json, String rel, String href) throws IOException {
        if (href == null) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("rel", rel);
        json.writeStringField("type", "application/json");
        json.writeStringField("href", href);
        json.writeEndObject();
    }

    private static void features(JsonGenerator json, FeatureResponse r) throws IOException {
        GetFeatureRequest request = r.request();
        for (int i = 0; i < request.queries().size(); i++) {
            GetFeatureRequest.TypeQuery q = request.queries().get(i);
            long[] window = r.window(i);
            if (window[1] == 0) {
                continue;
            }
            FeatureType type = q.layer().source().type();
            String geometry = type.geometry().name();
            try (FeatureCursor cursor =
                    q.layer().source().features(new FeatureQuery(q.filter(), q.sortBy(), window[0], window[1]))) {
                while (cursor.hasNext()) {
                    Feature f = cursor.next();
                    json.writeStartObject();
                    json.writeStringField("type", "Feature");
                    json.writeStringField("id", q.layer().typeName() + "." + f.id());
                    json.writeFieldName("geometry");
                    Geometry g = (Geometry) f.get(geometry);
                    if (g == null || !q.writes(geometry)) {
                        json.writeNull();
                    } else {
                        GeoJsonGeometry.write(json, request.crs().project(g));
                    }
                    json.writeStringField("geometry_name", geometry);
                    json.writeObjectFieldStart("properties");
                    for (AttributeDescriptor a : type.attributes()) {
                        if (a.isGeometry() || !q.writes(a.name())) {
                            continue;
                        }
                        value(json, a.name(), f.get(a.name()));
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
            }
        }
    }

    private static void value(JsonGenerator json, String name, Object v) throws IOException {
        if (v == null) {
            json.writeNullField(name);
        } else if (v instanceof Long l) {
            json.writeNumberField(name, l);
        } else if (v instanceof Integer n) {
            json.writeNumberField(name, n);
        } else if (v instanceof Double d) {
            json.writeNumberField(name, d);
        } else if (v instanceof Boolean b) {
            json.writeBooleanField(name, b);
        } else if (v instanceof Instant t) {
            json.writeStringField(name, t.toString());
        } else {
            json.writeStringField(name, v.toString());
        }
    }
}
