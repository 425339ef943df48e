package org.imagelabeler.platform.tiles.cascade;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The time dimension of a remote layer.
 *
 * @param identifier the name as the document writes it ({@code time} in older GIBS and WMS
 *     documents, {@code Time} in modern GIBS ones); use it as written in RESTful templates
 * @param defaultValue the value the server uses when a request gives no time, or null
 * @param values the values as written, comma-separated lists split: single instants
 *     ({@code 2012-07-09}, {@code 2020-01-01T10:30:00Z}) or intervals {@code start/end/period}
 *     ({@code 2000-02-24/2025-11-24/P1D})
 */
public record TimeDimension(String identifier, String defaultValue, List<String> values) {

    /** Splits comma-separated values into their items, trimmed; a blank default becomes null. */
    public TimeDimension {
        values = values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        defaultValue = defaultValue == null || defaultValue.isBlank() ? null : defaultValue.trim();
    }

    /**
     * Whether the server has data at that time: a date {@code YYYY-MM-DD} (midnight UTC) or an
     * instant {@code YYYY-MM-DDTHH:MM:SSZ} equal to a listed instant, or inside an interval and on
     * its period grid (start, start + period, ...; a P1M grid from the 1st of a month holds the
     * 1st of each month). False for text that is not such a time. Values the parser does not
     * understand allow nothing.
     */
    public boolean allows(String time) {
        Optional<Instant> instant = time == null ? Optional.empty() : TimeExtent.instant(time);
        return instant.isPresent() && extents().stream().anyMatch(e -> e.contains(instant.get()));
    }

    /**
     * The latest time with data, written as the document writes it (an interval's end, or the last
     * step before the end when the end is off the grid), or null when there are no values; the
     * last value as written when none can be read as a time.
     */
    public String latest() {
        String latest = null;
        Instant latestAt = null;
        for (TimeExtent extent : extents()) {
            Instant last = extent.last();
            if (latestAt == null || last.isAfter(latestAt)) {
                latestAt = last;
                latest = extent.label(last);
            }
        }
        if (latest == null && !values.isEmpty()) {
            return values.get(values.size() - 1);
        }
        return latest;
    }

    private List<TimeExtent> extents() {
        return values.stream().flatMap(v -> TimeExtent.parse(v).stream()).toList();
    }
}
