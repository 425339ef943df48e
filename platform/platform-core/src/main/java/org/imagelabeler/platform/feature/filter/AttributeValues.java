package org.imagelabeler.platform.feature.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import org.imagelabeler.platform.feature.AttributeDescriptor;

/**
 * Filter literals (and WFS-T property values) read as the type of the attribute they meet, and
 * feature values in the same Java types, so that both compare: text as {@link String}, integers as {@link Long}, doubles as
 * {@link Double}, booleans as {@link Boolean}, date-times as {@link Instant}.
 */
public final class AttributeValues {

    // xsd:double without INF and NaN, which the databases do not compare like Java
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private AttributeValues() {}

    /**
     * The literal as a value of the attribute's type. A date ({@code 2024-06-01}) stands for its
     * first instant in UTC, as does a date-time without an offset.
     *
     * @throws FilterException naming the property and the literal when it does not read as the type
     */
    public static Object fromLiteral(AttributeDescriptor a, String literal) {
        if (literal == null) {
            throw new FilterException("property '" + a.name() + "' is compared with no literal", a.name());
        }
        String text = literal.trim();
        try {
            return switch (a.type()) {
                case STRING -> literal;
                case INTEGER -> Long.parseLong(text);
                case DOUBLE -> {
                    if (!DECIMAL.matcher(text).matches()) {
                        throw new NumberFormatException(text);
                    }
                    yield Double.parseDouble(text);
                }
                case BOOLEAN -> bool(text);
                case DATETIME -> instant(text);
                case GEOMETRY ->
                    throw new FilterException(
                            "property '" + a.name() + "' is a geometry: compare it with a spatial operator", a.name());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new FilterException(
                    "literal '" + literal + "' of property '" + a.name() + "' is not " + article(a), a.name(), e);
        }
    }

    /** A feature's value in the type {@link #fromLiteral} gives; null stays null. */
    static Object fromFeature(AttributeDescriptor a, Object value) {
        if (value == null) {
            return null;
        }
        return switch (a.type()) {
            case STRING -> value.toString();
            case INTEGER -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value;
            case DATETIME ->
                value instanceof OffsetDateTime o
                        ? o.toInstant()
                        : value instanceof Date d ? d.toInstant() : (Instant) value;
            case GEOMETRY -> value;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    static String lowerCase(Object text) {
        return ((String) text).toLowerCase(Locale.ROOT);
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new NumberFormatException(text);
    }

    private static Instant instant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static String article(AttributeDescriptor a) {
        return switch (a.type()) {
            case INTEGER -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DATETIME -> "a date or date-time";
            default -> "a " + a.type().name().toLowerCase(Locale.ROOT);
        };
    }
}
