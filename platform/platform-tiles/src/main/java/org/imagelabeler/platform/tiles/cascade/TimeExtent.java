package org.imagelabeler.platform.tiles.cascade;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * One value of a time dimension: a single instant ({@code 2012-07-09}), a continuous range
 * ({@code start/end}) or a range with a period ({@code start/end/P1D}), whose instants are start,
 * start + period, ... up to end.
 *
 * @param period null for a single instant or a continuous range
 */
record TimeExtent(String startText, String endText, Instant start, Instant end, IsoPeriod period) {

    /** The extent, or empty when the value is not one of the forms above. */
    static Optional<TimeExtent> parse(String value) {
        String[] parts = value.trim().split("/", -1);
        if (parts.length == 1) {
            return instant(parts[0]).map(i -> new TimeExtent(parts[0], parts[0], i, i, null));
        }
        if (parts.length > 3) {
            return Optional.empty();
        }
        Optional<Instant> start = instant(parts[0]);
        Optional<Instant> end = instant(parts[1]);
        if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
            return Optional.empty();
        }
        // WMS writes a resolution of 0 (or none) for a continuous range.
        String resolution = parts.length == 3 ? parts[2].trim() : "";
        boolean continuous = resolution.isEmpty() || resolution.equals("0");
        Optional<IsoPeriod> period = continuous ? Optional.empty() : IsoPeriod.parse(resolution);
        if (!continuous && period.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new TimeExtent(parts[0].trim(), parts[1].trim(), start.get(), end.get(), period.orElse(null)));
    }

    /**
     * An instant from an ISO 8601 date or date-time. A date (or a year, or a month) stands for its
     * first instant, midnight UTC, as GIBS defines its daily TIME values; a date-time without an
     * offset is taken as UTC.
     */
    static Optional<Instant> instant(String text) {
        String s = text.trim();
        try {
            switch (s.length()) {
                case 4:
                    return Optional.of(
                            Year.parse(s).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                case 7:
                    return Optional.of(YearMonth.parse(s)
                            .atDay(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant());
                case 10:
                    return Optional.of(
                            LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
                default:
                    TemporalAccessor parsed =
                            DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
                    return Optional.of(
                            parsed instanceof OffsetDateTime o
                                    ? o.toInstant()
                                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    boolean contains(Instant time) {
        if (time.isBefore(start) || time.isAfter(end)) {
            return false;
        }
        if (period == null) {
            return true;
        }
        return period.step(start, period.stepsUntil(start, time)).equals(time);
    }

    /** The last instant of the extent: end, or the last step before it when end is off the grid. */
    Instant last() {
        return period == null ? end : period.step(start, period.stepsUntil(start, end));
    }

    /** An instant of this extent written as the document writes its values. */
    String label(Instant time) {
        if (time.equals(end)) {
            return endText;
        }
        if (time.equals(start)) {
            return startText;
        }
        boolean dates = startText.length() == 10;
        boolean midnight = time.equals(time.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        return dates && midnight ? time.atZone(ZoneOffset.UTC).toLocalDate().toString() : time.toString();
    }
}
