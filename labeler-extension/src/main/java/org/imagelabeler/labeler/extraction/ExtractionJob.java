package org.imagelabeler.labeler.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.ImageService;
import org.imagelabeler.labeler.rest.TimeParameter;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.raster.GeoTiffWriter;
import org.imagelabeler.platform.render.LayerRenderer;
import org.imagelabeler.platform.render.LayerRenderers;
import org.imagelabeler.platform.render.MapView;

/**
 * Extracts an image chip from a map layer (job type {@code labeler.extract}): draws the layer
 * over the area at the size asked, with the date as TIME, through the same renderers as WMS
 * (so a cascaded GIBS layer is fetched through the tile cache), writes it as a georeferenced
 * GeoTIFF in EPSG:4326 and adds it to the event with its provenance.
 */
public final class ExtractionJob implements JobHandler {

    public static final String TYPE = "labeler.extract";

    private final EventRepository events;
    private final Catalog catalog;
    private final ExtensionRegistry extensions;
    private final ImageService images;
    private final ObjectMapper json = new ObjectMapper();

    public ExtractionJob(EventRepository events, Catalog catalog, ExtensionRegistry extensions, ImageService images) {
        this.events = events;
        this.catalog = catalog;
        this.extensions = extensions;
        this.images = images;
    }

    /** What the job is given, checked when it was submitted. */
    public record Parameters(
            String slug,
            String layerId,
            String layer,
            String time,
            double[] bbox,
            int width,
            int height,
            Double resolution,
            String unit,
            String user) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(JobContext context) throws Exception {
        Parameters p = json.readValue(context.parameters(), Parameters.class);
        Event event = events.findBySlug(p.slug())
                .orElseThrow(() -> new IllegalStateException("the event " + p.slug() + " no longer exists"));
        LayerInfo layer = catalog.layer(p.layerId())
                .orElseThrow(() -> new IllegalStateException("the layer " + p.layer() + " no longer exists"));
        LayerRenderer renderer = new LayerRenderers(extensions)
                .of(layer)
                .orElseThrow(() -> new IllegalStateException("layer " + p.layer() + " cannot be drawn"));
        context.progress(10, "drawing " + p.layer());
        BoundingBox area = new BoundingBox(p.bbox()[0], p.bbox()[1], p.bbox()[2], p.bbox()[3], "EPSG:4326");
        Map<String, String> dimensions = p.time() == null ? Map.of() : Map.of("time", p.time());
        BufferedImage picture = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        try {
            renderer.render(layer, null, new MapView("EPSG:4326", area, p.width(), p.height(), dimensions), g);
        } finally {
            g.dispose();
        }
        context.checkCancelled();
        context.progress(70, "writing the GeoTIFF");
        Path temp = images.temporary(event.id());
        try {
            GeoTiffWriter.write(picture, "EPSG:4326", area, temp);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", "extraction");
        source.put("layer", p.layer());
        source.put("title", layer.title());
        source.put("nativeName", layer.nativeName());
        source.put("time", p.time());
        source.put("bbox", p.bbox());
        source.put("crs", "EPSG:4326");
        source.put("width", p.width());
        source.put("height", p.height());
        if (p.resolution() != null) {
            source.put("resolution", p.resolution());
            source.put("unit", p.unit());
        }
        source.put(
                "degreesPerPixel",
                new double[] {(p.bbox()[2] - p.bbox()[0]) / p.width(), (p.bbox()[3] - p.bbox()[1]) / p.height()});
        String name = layer.name() + (p.time() == null ? "" : "_" + p.time()) + ".tif";
        EventImage image = images.store(event, temp, name, source, TimeParameter.instant("time", p.time()), p.user());
        context.progress(100, "image " + image.id());
        return json.writeValueAsString(Map.of("image", image.id(), "event", p.slug()));
    }
}
