package org.imagelabeler.labeler.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.imagelabeler.platform.rest.ApiProblem;

/**
 * Times in requests: a date ({@code 2024-06-01}, UTC) or an instant ({@code 2024-06-01T10:30:00Z}),
 * and the {@code time} filter of lists, one of those or an interval {@code start/end} in the
 * ISO 8601 and OGC API style, where {@code ..} or nothing leaves a side open. A date stands for
 * its whole day: {@code 2024-06-01} and {@code 2024-06-01/2024-06-01} both mean that day.
 */
public final class TimeParameter {

    /** A closed interval; a null side is open. */
    public record Interval(Instant start, Instant end) {}

    private TimeParameter() {}

    /** The instant a date or instant names (a date: its first instant), or null for none. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bound(field, value.trim(), false);
    }

    /** The filter's interval, or null when none is given; 400 naming {@code field} if malformed. */
    public static Interval interval(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        int slash = v.indexOf('/');
        if (slash < 0) {
            return new Interval(bound(field, v, false), bound(field, v, true));
        }
        Interval i = new Interval(open(field, v.substring(0, slash), false), open(field, v.substring(slash + 1), true));
        if (i.start() == null && i.end() == null) {
            throw ApiProblem.badRequest(field, field + " needs at least one end: " + value);
        }
        if (i.start() != null && i.end() != null && i.start().isAfter(i.end())) {
            throw ApiProblem.badRequest(field, field + " starts after it ends: " + value);
        }
        return i;
    }

    /** Adds to {@code and} the test that {@code column} lies in {@code interval}. */
    public static void where(String column, Interval interval, List<String> and, Map<String, Object> params) {
        if (interval.start() != null) {
            and.add(column + " >= :timeStart");
            params.put("timeStart", org.imagelabeler.platform.database.Timestamps.toSql(interval.start()));
        }
        if (interval.end() != null) {
            and.add(column + " <= :timeEnd");
            params.put("timeEnd", org.imagelabeler.platform.database.Timestamps.toSql(interval.end()));
        }
    }

    private static Instant open(String field, String side, boolean end) {
        String s = side.trim();
        return s.isEmpty() || s.equals("..") ? null : bound(field, s, end);
    }

    /** A date as the first instant of its day, or as its last when it ends an interval. */
    private static Instant bound(String field, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                Instant first = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return end ? first.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : first;
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    field,
                    field + " must be a date (2024-06-01), an instant (2024-06-01T10:30:00Z) or an interval"
                            + " of them (start/end, .. for an open end): " + value);
        }
    }
}
