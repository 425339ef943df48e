package org.imagelabeler.platform.tiles.cascade;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * An ISO 8601 duration such as {@code P1D}, {@code P1M}, {@code P1Y}, {@code PT10M} or
 * {@code P1DT12H}: a calendar part (years, months, days) and a clock part. Steps are added in UTC,
 * the calendar part first, so {@code P1M} from the 1st of a month lands on the 1st of the next.
 */
record IsoPeriod(Period calendar, Duration clock) {

    /** The period, or empty when the text is not a positive ISO 8601 duration. */
    static Optional<IsoPeriod> parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (!s.startsWith("P")) {
            return Optional.empty();
        }
        try {
            int t = s.indexOf('T');
            Period calendar = t == 1 ? Period.ZERO : Period.parse(t < 0 ? s : s.substring(0, t));
            Duration clock = t < 0 ? Duration.ZERO : Duration.parse("PT" + s.substring(t + 1));
            boolean negative = calendar.isNegative() || clock.isNegative();
            boolean zero = calendar.isZero() && clock.isZero();
            return negative || zero ? Optional.empty() : Optional.of(new IsoPeriod(calendar, clock));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code start} plus {@code count} times this period. */
    Instant step(Instant start, long count) {
        Instant afterCalendar = calendar.isZero()
                ? start
                : start.atZone(ZoneOffset.UTC)
                        .plus(calendar.multipliedBy(Math.toIntExact(count)))
                        .toInstant();
        return afterCalendar.plus(clock.multipliedBy(count));
    }

    /**
     * The largest count whose {@link #step} from {@code start} is not after {@code time}, or -1
     * when {@code time} is before {@code start}. A binary search, as calendar steps vary in length.
     */
    long stepsUntil(Instant start, Instant time) {
        if (time.isBefore(start)) {
            return -1;
        }
        Duration shortest = Duration.ofDays(calendar.toTotalMonths() * 28 + calendar.getDays())
                .plus(clock);
        long low = 0;
        long high = Duration.between(start, time).dividedBy(shortest) + 1;
        while (low < high) {
            long middle = (low + high + 1) >>> 1;
            if (step(start, middle).isAfter(time)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return low;
    }
}
