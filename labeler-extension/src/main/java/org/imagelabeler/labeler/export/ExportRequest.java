package org.imagelabeler.labeler.export;

import java.util.List;
import java.util.Set;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.rest.TimeParameter;
import org.imagelabeler.platform.rest.ApiProblem;
import org.locationtech.jts.geom.Envelope;

/**
 * An export as the REST API asks for it; {@link #options} checks it, naming the field at fault.
 *
 * @param include {@code accepted} (the default) or {@code all}
 * @param time an instant, a date or an interval {@code start/end} of acquisition
 * @param bbox minLon, minLat, maxLon, maxLat
 */
public record ExportRequest(
        List<String> formats,
        String include,
        List<String> classes,
        List<String> tags,
        String time,
        List<Double> bbox,
        SplitRequest split,
        String imageFormat) {

    /** Ratios (train, val, test), a seed, and {@code random} or {@code spatial} with a cell size in degrees. */
    public record SplitRequest(Double train, Double val, Double test, Long seed, String method, Double cellDegrees) {}

    public ExportOptions options(Event event, Set<String> knownFormats) {
        if (formats == null || formats.isEmpty()) {
            throw ApiProblem.badRequest("formats", "name at least one format: " + sorted(knownFormats));
        }
        for (int i = 0; i < formats.size(); i++) {
            if (!knownFormats.contains(formats.get(i))) {
                throw ApiProblem.badRequest(
                        "formats[" + i + "]", "unknown format '" + formats.get(i) + "': " + sorted(knownFormats));
            }
        }
        if (formats.contains("yolo") && formats.contains("yolo-seg")) {
            throw ApiProblem.badRequest("formats", "yolo and yolo-seg both write labels/: ask for one of them");
        }
        boolean acceptedOnly;
        if (include == null || include.equals("accepted")) {
            acceptedOnly = true;
        } else if (include.equals("all")) {
            acceptedOnly = false;
        } else {
            throw ApiProblem.badRequest("include", "include must be accepted or all");
        }
        List<String> classList = classes == null ? List.of() : classes;
        for (int i = 0; i < classList.size(); i++) {
            if (!event.labelSchema().hasClass(classList.get(i))) {
                throw ApiProblem.badRequest(
                        "classes[" + i + "]", "'" + classList.get(i) + "' is not a class of this event");
            }
        }
        TimeParameter.Interval interval = TimeParameter.interval("time", time);
        Envelope area = null;
        if (bbox != null) {
            if (bbox.size() != 4
                    || bbox.stream().anyMatch(v -> v == null)
                    || bbox.get(0) > bbox.get(2)
                    || bbox.get(1) > bbox.get(3)) {
                throw ApiProblem.badRequest("bbox", "bbox must be [minLon, minLat, maxLon, maxLat]");
            }
            area = new Envelope(bbox.get(0), bbox.get(2), bbox.get(1), bbox.get(3));
        }
        String format = imageFormat == null ? "original" : imageFormat;
        if (!List.of("original", "png", "jpeg").contains(format)) {
            throw ApiProblem.badRequest("imageFormat", "imageFormat must be original, png or jpeg");
        }
        return new ExportOptions(
                formats,
                acceptedOnly,
                classList,
                tags == null ? List.of() : tags,
                interval == null ? null : interval.start(),
                interval == null ? null : interval.end(),
                area,
                splitOptions(),
                format);
    }

    private ExportOptions.Split splitOptions() {
        ExportOptions.Split d = ExportOptions.Split.defaults();
        if (split == null) {
            return d;
        }
        double train = split.train() == null ? d.train() : split.train();
        double val = split.val() == null ? d.val() : split.val();
        double test = split.test() == null ? d.test() : split.test();
        if (train < 0 || val < 0 || test < 0 || Math.abs(train + val + test - 1) > 1e-6) {
            throw ApiProblem.badRequest("split", "train, val and test must be ratios that sum to 1");
        }
        String method = split.method() == null ? d.method() : split.method();
        if (!method.equals("random") && !method.equals("spatial")) {
            throw ApiProblem.badRequest("split.method", "the split method is random or spatial");
        }
        double cell = split.cellDegrees() == null ? d.cellDegrees() : split.cellDegrees();
        if (!(cell > 0) || cell > 180) {
            throw ApiProblem.badRequest("split.cellDegrees", "the cell size is a positive number of degrees");
        }
        return new ExportOptions.Split(train, val, test, split.seed() == null ? d.seed() : split.seed(), method, cell);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
