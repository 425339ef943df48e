package org.imagelabeler.platform.feature.gml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.w3c.dom.Element;

/**
 * The positions of GML geometries ({@code pos}, {@code posList}, {@code coordinates} and GML 2's
 * {@code coord}) as JTS coordinates with x = easting or longitude. A third value (z) is read and
 * dropped.
 */
final class GmlPositions {

    // xsd:double without INF/NaN: a position must be finite
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private GmlPositions() {}

    /**
     * One position: {@code pos}, {@code lowerCorner} or {@code upperCorner}.
     *
     * @param dimension the inherited {@code srsDimension}, or 0 when none is declared
     */
    static Coordinate pos(Element e, Srs srs, int dimension) {
        int declared = dimension(e, dimension);
        double[] values = numbers(e, e.getTextContent().trim().split("\\s+"));
        if (declared == 0 ? values.length != 2 && values.length != 3 : values.length != declared) {
            throw new GmlException(e.getLocalName() + " has " + values.length + " values; expected "
                    + (declared == 0 ? "2 or 3" : String.valueOf(declared)));
        }
        return coordinate(values[0], values[1], srs);
    }

    static List<Coordinate> posList(Element e, Srs srs, int dimension) {
        int declared = dimension(e, dimension);
        int dim = declared == 0 ? 2 : declared;
        String text = e.getTextContent().trim();
        double[] values = text.isEmpty() ? new double[0] : numbers(e, text.split("\\s+"));
        if (values.length % dim != 0) {
            throw new GmlException(
                    dim == 2
                            ? "posList has an odd number of values (" + values.length + ")"
                            : "posList has " + values.length + " values, not a multiple of its srsDimension " + dim);
        }
        List<Coordinate> positions = new ArrayList<>(values.length / dim);
        for (int i = 0; i < values.length; i += dim) {
            positions.add(coordinate(values[i], values[i + 1], srs));
        }
        return positions;
    }

    /** GML 2's {@code coordinates}, with its own decimal, coordinate and tuple separators. */
    static List<Coordinate> coordinates(Element e, Srs srs) {
        String decimal = attribute(e, "decimal", ".");
        String cs = attribute(e, "cs", ",");
        String ts = attribute(e, "ts", " ");
        // "1, 2 3, 4": blanks around a non-blank separator are layout, not tuple separators
        String text = e.getTextContent().trim();
        if (!cs.isBlank()) {
            text = text.replaceAll("\\s*" + Pattern.quote(cs) + "\\s*", cs);
        }
        if (!ts.isBlank()) {
            text = text.replaceAll("\\s*" + Pattern.quote(ts) + "\\s*", ts);
        }
        if (text.isEmpty()) {
            throw new GmlException("coordinates is empty");
        }
        String[] tuples = ts.isBlank() ? text.split("\\s+") : text.split(Pattern.quote(ts));
        List<Coordinate> positions = new ArrayList<>(tuples.length);
        for (String tuple : tuples) {
            String[] parts = cs.isBlank() ? tuple.trim().split("\\s+") : tuple.split(Pattern.quote(cs), -1);
            if (!decimal.equals(".")) {
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].replace(decimal, ".");
                }
            }
            double[] values = numbers(e, parts);
            if (values.length != 2 && values.length != 3) {
                throw new GmlException(
                        "coordinates has a tuple of " + values.length + " values ('" + tuple + "'); expected 2 or 3");
            }
            positions.add(coordinate(values[0], values[1], srs));
        }
        return positions;
    }

    /** GML 2's {@code <coord><X/><Y/><Z/></coord>}. */
    static Coordinate coord(Element e, Srs srs) {
        String x = null, y = null;
        for (Element child : GmlGeometryReader.children(e)) {
            switch (child.getLocalName()) {
                case "X" -> x = child.getTextContent().trim();
                case "Y" -> y = child.getTextContent().trim();
                case "Z" -> {}
                default -> throw new GmlException(child.getLocalName() + " is not expected in coord");
            }
        }
        if (x == null || y == null) {
            throw new GmlException("coord needs X and Y");
        }
        double[] values = numbers(e, new String[] {x, y});
        return coordinate(values[0], values[1], srs);
    }

    /** The element's own {@code srsDimension} (or GML 3.1's {@code dimension}), else the inherited one. */
    static int dimension(Element e, int inherited) {
        String value = e.getAttribute("srsDimension");
        if (value.isEmpty()) {
            value = e.getAttribute("dimension");
        }
        if (value.isEmpty()) {
            return inherited;
        }
        return switch (value.trim()) {
            case "2" -> 2;
            case "3" -> 3;
            default ->
                throw new GmlException(
                        "srsDimension '" + value + "' of " + e.getLocalName() + " is not supported: expected 2 or 3");
        };
    }

    /** x = easting: a northing-first CRS writes (northing, easting). */
    private static Coordinate coordinate(double first, double second, Srs srs) {
        return srs.northingFirst() ? new Coordinate(second, first) : new Coordinate(first, second);
    }

    private static double[] numbers(Element e, String[] tokens) {
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i].trim();
            if (!NUMBER.matcher(t).matches()) {
                throw new GmlException(
                        t.isEmpty()
                                ? e.getLocalName() + " is empty or has an empty value"
                                : e.getLocalName() + " has a value that is not a number: '" + t + "'");
            }
            values[i] = Double.parseDouble(t);
            if (Double.isInfinite(values[i])) {
                throw new GmlException(e.getLocalName() + " has a value out of range: '" + t + "'");
            }
        }
        return values;
    }

    private static String attribute(Element e, String name, String fallback) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? fallback : value;
    }
}
