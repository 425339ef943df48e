package org.imagelabeler.platform.feature.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.AttributeType;

/**
 * A {@code PropertyIsLike} pattern read with its own wild card, single-character and escape
 * marks, written out as a Java regular expression or as an SQL {@code LIKE} pattern whose escape
 * character is the backslash.
 */
final class LikePattern {

    private static final int ANY = -1;
    private static final int ONE = -2;

    /** Code points of the pattern, or ANY and ONE. */
    private final List<Integer> parts;

    private final boolean matchCase;

    private LikePattern(List<Integer> parts, boolean matchCase) {
        this.parts = parts;
        this.matchCase = matchCase;
    }

    /** The pattern of {@code like} on {@code attribute}, which must be text. */
    static LikePattern of(Filter.Like like, AttributeDescriptor attribute) {
        if (attribute.type() != AttributeType.STRING) {
            throw new FilterException(
                    "PropertyIsLike needs a text property; '" + attribute.name() + "' is " + attribute.type(),
                    attribute.name());
        }
        char wild = like.wildCard(), single = like.singleChar(), escape = like.escape();
        if (wild == single || wild == escape || single == escape) {
            throw new FilterException(
                    "PropertyIsLike needs three different characters for wildCard, singleChar and escapeChar, not '"
                            + wild + "', '" + single + "', '" + escape + "'",
                    like.property());
        }
        List<Integer> parts = new ArrayList<>();
        String pattern = like.pattern();
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                if (i >= pattern.length()) {
                    throw new FilterException(
                            "PropertyIsLike pattern '" + pattern + "' ends with its escape character '" + escape + "'",
                            like.property());
                }
                c = pattern.codePointAt(i);
                i += Character.charCount(c);
                parts.add(c);
            } else {
                parts.add(c == wild ? ANY : c == single ? ONE : c);
            }
        }
        return new LikePattern(parts, like.matchCase());
    }

    /** The whole-value match; {@code .} and {@code .*} cross line ends as SQL's {@code _} and {@code %} do. */
    Pattern regex() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int part : parts) {
            if (part >= 0) {
                literal.appendCodePoint(part);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            regex.append(part == ANY ? ".*" : ".");
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }

    /** The pattern for {@code LIKE ... ESCAPE '\'}: SQL's own marks escaped where they are literal. */
    String sql() {
        StringBuilder sql = new StringBuilder();
        for (int part : parts) {
            if (part == ANY) {
                sql.append('%');
            } else if (part == ONE) {
                sql.append('_');
            } else {
                if (part == '%' || part == '_' || part == '\\') {
                    sql.append('\\');
                }
                sql.appendCodePoint(part);
            }
        }
        return sql.toString();
    }
}
