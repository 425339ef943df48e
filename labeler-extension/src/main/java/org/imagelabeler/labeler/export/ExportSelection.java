package org.imagelabeler.labeler.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagelabeler.labeler.annotations.Annotation;
import org.imagelabeler.labeler.annotations.AnnotationRepository;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.images.EventImage;
import org.imagelabeler.labeler.images.ImageRepository;
import org.imagelabeler.labeler.images.ImageStatus;
import org.imagelabeler.labeler.rest.TimeParameter;

/**
 * What an export holds, read page by page in a stable order (images by creation time and id,
 * labels likewise): the map shapes and images that the options keep, each image with its kept
 * labels, its split, its unique file name and its provenance.
 */
final class ExportSelection {

    private static final int PAGE = 500;

    /** Receives the selection, one item at a time. */
    interface Visitor {
        void shape(Annotation shape) throws IOException;

        /** @return false to stop (a cancelled job) */
        boolean image(ExportImage image) throws IOException;
    }

    private final ImageRepository images;
    private final AnnotationRepository annotations;

    ExportSelection(ImageRepository images, AnnotationRepository annotations) {
        this.images = images;
        this.annotations = annotations;
    }

    /** The number of images the query matches before the filters applied per image: for progress. */
    long candidates(Event event, ExportOptions options) {
        return images.count(query(event, options));
    }

    void read(Event event, ExportOptions options, String imageExtension, Visitor visitor) throws IOException {
        var shapes = new AnnotationRepository.Query(event.id(), null, null, Annotation.Space.MAP, options.bbox());
        for (int offset = 0; ; offset += PAGE) {
            List<Annotation> page = annotations.list(shapes, offset, PAGE);
            for (Annotation a : page) {
                if (options.keepsClass(a.className())) {
                    visitor.shape(a);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Splits splits = new Splits(options.split());
        ImageRepository.Query query = query(event, options);
        for (int offset = 0; ; offset += PAGE) {
            List<EventImage> page = images.list(query, offset, PAGE);
            Map<String, List<Annotation>> labelsByImage = new java.util.HashMap<>();
            for (Annotation a : annotations.labelsOf(
                    event.id(), page.stream().map(EventImage::id).toList())) {
                labelsByImage
                        .computeIfAbsent(a.imageId(), k -> new ArrayList<>())
                        .add(a);
            }
            for (EventImage image : page) {
                if (!options.tags().isEmpty() && image.tags().stream().noneMatch(options.tags()::contains)) {
                    continue;
                }
                List<Annotation> kept = new ArrayList<>();
                for (Annotation a : labelsByImage.getOrDefault(image.id(), List.of())) {
                    if (options.keepsClass(a.className())) {
                        kept.add(a);
                    }
                }
                if (!options.classes().isEmpty() && kept.isEmpty()) {
                    continue;
                }
                String split = splits.of(image);
                String stem = stem(image);
                String extension = imageExtension != null ? imageExtension : extension(image);
                ExportImage item = new ExportImage(
                        image,
                        kept,
                        split,
                        "images/" + split + "/" + stem + "." + extension,
                        stem,
                        image.width(),
                        image.height(),
                        provenance(image));
                if (!visitor.image(item)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
    }

    private static ImageRepository.Query query(Event event, ExportOptions options) {
        TimeParameter.Interval time = options.from() == null && options.to() == null
                ? null
                : new TimeParameter.Interval(options.from(), options.to());
        return new ImageRepository.Query(
                event.id(),
                options.acceptedOnly() ? ImageStatus.ACCEPTED : null,
                null,
                null,
                null,
                options.bbox(),
                time);
    }

    /** A file name from the image's name, made unique by the start of its id. */
    static String stem(EventImage image) {
        String name = image.name() == null ? "image" : image.name();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]+", "_");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return (base.isEmpty() ? "image" : base) + "-" + image.id().substring(0, 8);
    }

    static String extension(EventImage image) {
        return switch (image.mediaType().toLowerCase(Locale.ROOT)) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/tiff" -> "tif";
            default -> "bin";
        };
    }

    /** Where the image came from, as every format records it. */
    static Map<String, Object> provenance(EventImage image) {
        Map<String, Object> p = new LinkedHashMap<>(image.source());
        p.put("imageId", image.id());
        p.put("name", image.name());
        p.put("sha256", image.sha256());
        if (image.acquired() != null) {
            p.put("acquired", image.acquired().toString());
        }
        if (image.georeference() != null) {
            p.put("imageCrs", image.georeference().crs());
        }
        p.values().removeIf(java.util.Objects::isNull);
        return p;
    }
}
