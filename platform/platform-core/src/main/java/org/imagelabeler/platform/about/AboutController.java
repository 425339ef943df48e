package org.imagelabeler.platform.about;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/about/version} and {@code /rest/about/status}, open to everybody for monitoring;
 * the status details (data dir, database, load problems) are shown to administrators only.
 */
@RestController
@RequestMapping(path = "/rest/about", produces = MediaType.APPLICATION_JSON_VALUE)
public class AboutController {

    private final ServerStatus status;

    public AboutController(ServerStatus status) {
        this.status = status;
    }

    @GetMapping("/version")
    public Map<String, Object> version() {
        List<Map<String, String>> resources = List.of(
                resource("ImageLabeler", ServerVersion.get()),
                resource("Spring Boot", SpringBootVersion.getVersion()),
                resource("Spring", SpringVersion.getVersion()),
                resource("Java", Runtime.version().toString()));
        return Map.of("about", Map.of("resource", resources));
    }

    @GetMapping("/status")
    public ResponseEntity<Object> status() {
        boolean admin = CurrentSubject.get().isAdmin();
        Object body;
        boolean up;
        if (admin) {
            ServerStatus.Snapshot s = status.snapshot();
            up = s.status().equals("UP");
            body = s;
        } else {
            up = status.isUp();
            body = Map.of("status", up ? "UP" : "DOWN", "version", ServerVersion.get());
        }
        return ResponseEntity.status(up ? 200 : 503).body(body);
    }

    private static Map<String, String> resource(String name, String version) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("version", version);
        return r;
    }
}
