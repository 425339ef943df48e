package org.imagelabeler.platform.ows.wms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.ResponseWriter;
import org.imagelabeler.platform.render.FeatureInfo;

/**
 * GetFeatureInfo results as {@code text/plain} (GeoServer's layout) or {@code application/json}
 * (a GeoJSON FeatureCollection without geometries).
 */
public class FeatureInfoWriter implements ResponseWriter {

    // modules on the class path (java.time): feature attributes hold Instants, written as ISO-8601
    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public boolean canWrite(Object result) {
        return result instanceof FeatureInfoResult;
    }

    @Override
    public void write(Object result, OwsRequest request, HttpServletResponse response) throws IOException {
        FeatureInfoResult info = (FeatureInfoResult) result;
        byte[] body;
        if (info.format().equals("application/json")) {
            List<Map<String, Object>> features = new ArrayList<>();
            for (FeatureInfo f : info.features()) {
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("id", f.id());
                feature.put("layer", f.layer());
                feature.put("geometry", null);
                feature.put("properties", f.values());
                features.add(feature);
            }
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            collection.put("features", features);
            body = json.writeValueAsBytes(collection);
            response.setContentType("application/json");
        } else {
            StringBuilder text = new StringBuilder();
            if (info.features().isEmpty()) {
                text.append("no features were found\n");
            }
            for (FeatureInfo f : info.features()) {
                text.append("Results for FeatureType '").append(f.layer()).append("':\n");
                text.append("--------------------------------------------\n");
                f.values()
                        .forEach(
                                (k, v) -> text.append(k).append(" = ").append(v).append('\n'));
                text.append("--------------------------------------------\n");
            }
            body = text.toString().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=UTF-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
