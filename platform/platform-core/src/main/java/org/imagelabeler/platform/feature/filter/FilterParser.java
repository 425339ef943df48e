package org.imagelabeler.platform.feature.filter;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.FeatureType;
import org.imagelabeler.platform.feature.filter.Filter.ComparisonOperator;
import org.imagelabeler.platform.feature.filter.Filter.SpatialOperator;
import org.imagelabeler.platform.feature.gml.GmlException;
import org.imagelabeler.platform.feature.gml.GmlGeometryReader;
import org.imagelabeler.platform.feature.gml.Srs;
import org.imagelabeler.platform.feature.gml.SrsResolver;
import org.imagelabeler.platform.xml.SecureXml;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads OGC Filter Encoding 2.0 ({@code fes:}) and 1.1 ({@code ogc:}, WFS 1.1.0) filters into the
 * {@link Filter} model of one feature type, checking every property name against it and every
 * literal against its property's type. Geometry literals are read from GML 3.2 or 3.1.1 in their
 * {@code srsName}'s axis order and brought into storage CRS by {@code toStorage}. Elements without
 * a namespace are read as filter elements too, as some clients send them.
 *
 * <p>Not supported, and refused with a {@link FilterException} naming them: functions, arithmetic,
 * temporal operators, {@code DWithin} and {@code Beyond}, comparisons of two properties, and
 * resource ids by date or relative version.
 */
public final class FilterParser {

    public static final String FES_20 = "http://www.opengis.net/fes/2.0";
    public static final String OGC = "http://www.opengis.net/ogc";

    private static final Map<String, ComparisonOperator> COMPARISONS = Map.of(
            "PropertyIsEqualTo", ComparisonOperator.EQUAL,
            "PropertyIsNotEqualTo", ComparisonOperator.NOT_EQUAL,
            "PropertyIsLessThan", ComparisonOperator.LESS,
            "PropertyIsLessThanOrEqualTo", ComparisonOperator.LESS_OR_EQUAL,
            "PropertyIsGreaterThan", ComparisonOperator.GREATER,
            "PropertyIsGreaterThanOrEqualTo", ComparisonOperator.GREATER_OR_EQUAL);
    private static final Map<String, SpatialOperator> SPATIAL = Map.of(
            "Intersects", SpatialOperator.INTERSECTS,
            "Disjoint", SpatialOperator.DISJOINT,
            "Contains", SpatialOperator.CONTAINS,
            "Within", SpatialOperator.WITHIN,
            "Touches", SpatialOperator.TOUCHES,
            "Crosses", SpatialOperator.CROSSES,
            "Overlaps", SpatialOperator.OVERLAPS,
            "Equals", SpatialOperator.EQUALS);
    private static final Set<String> TEMPORAL = Set.of(
            "After",
            "Before",
            "Begins",
            "BegunBy",
            "TContains",
            "During",
            "EndedBy",
            "Ends",
            "TEquals",
            "Meets",
            "MetBy",
            "TOverlaps",
            "OverlappedBy",
            "AnyInteracts");
    private static final Set<String> IDS = Set.of("ResourceId", "FeatureId", "GmlObjectId");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final FeatureType type;
    private final SrsResolver srsResolver;
    private final GmlGeometryReader gml;
    private final UnaryOperator<Geometry> toStorage;

    /**
     * A parser for which geometries without {@code srsName} are in storage CRS, longitude first.
     *
     * @param srsResolver what {@code srsName}s mean
     * @param toStorage brings a geometry whose SRID is its CRS's EPSG number into storage CRS
     *     (EPSG:4326, x = longitude)
     */
    public FilterParser(FeatureType type, SrsResolver srsResolver, UnaryOperator<Geometry> toStorage) {
        this(type, srsResolver, Srs.LONGITUDE_FIRST_4326, toStorage);
    }

    /**
     * A parser for which geometries without {@code srsName} are in {@code defaultSrsName}: the CRS
     * the service announces for the feature type, in the form of the request's version. GDAL, for
     * one, sends a WFS 2.0 envelope without srsName, latitude first, as {@code DefaultCRS}
     * {@code urn:ogc:def:crs:EPSG::4326} says.
     */
    public FilterParser(
            FeatureType type, SrsResolver srsResolver, String defaultSrsName, UnaryOperator<Geometry> toStorage) {
        this(type, srsResolver, srsResolver.resolve(defaultSrsName), toStorage);
    }

    private FilterParser(FeatureType type, SrsResolver srsResolver, Srs defaultSrs, UnaryOperator<Geometry> toStorage) {
        this.type = type;
        this.srsResolver = srsResolver;
        this.gml = new GmlGeometryReader(srsResolver, defaultSrs);
        this.toStorage = toStorage;
    }

    /** Parses a filter document; DOCTYPEs, and with them external entities, are refused. */
    public Filter parse(String xml) {
        try {
            return parse(SecureXml.builder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement());
        } catch (SAXException | IOException e) {
            throw new FilterException("filter is not well-formed XML: " + e.getMessage(), "filter", e);
        }
    }

    /** Parses a {@code Filter} element, or a single operator element. */
    public Filter parse(Element element) {
        return local(element).equals("Filter") ? root(element) : operator(element);
    }

    /**
     * The KVP {@code BBOX} of GetFeature: {@code minx,miny,maxx,maxy[,srsName]} (or six values for
     * three dimensions), the corners in the axis order of the srsName: WFS 2.0 clients write
     * {@code BBOX=lat,lon,lat,lon,urn:ogc:def:crs:EPSG::4326}.
     *
     * @param defaultSrs the srsName that applies when the value names none
     */
    public Filter.BBox bboxParameter(String value, String defaultSrs) {
        String[] parts = value == null ? new String[0] : value.split(",", -1);
        int count = parts.length;
        String srsName = defaultSrs;
        if (count > 0 && !DECIMAL.matcher(parts[count - 1].trim()).matches()) {
            srsName = parts[--count].trim();
        }
        if (count != 4 && count != 6) {
            throw new FilterException("BBOX must be minx,miny,maxx,maxy[,srsName], not '" + value + "'", "BBOX");
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            String p = parts[i].trim();
            if (!DECIMAL.matcher(p).matches()) {
                throw new FilterException("BBOX value '" + p + "' is not a number", "BBOX");
            }
            v[i] = Double.parseDouble(p);
        }
        Srs srs = resolve(srsName, "BBOX");
        int upper = count / 2;
        Coordinate lo = srs.northingFirst() ? new Coordinate(v[1], v[0]) : new Coordinate(v[0], v[1]);
        Coordinate hi =
                srs.northingFirst() ? new Coordinate(v[upper + 1], v[upper]) : new Coordinate(v[upper], v[upper + 1]);
        if (lo.x > hi.x || lo.y > hi.y) {
            throw new FilterException(
                    "BBOX '" + value + "' has its lower corner above or right of its upper corner"
                            + " in the axis order of " + srsName + " (" + (srs.northingFirst() ? "northing" : "easting")
                            + " first)",
                    "BBOX");
        }
        Geometry box = new GeometryFactory(new PrecisionModel(), srs.srid()).toGeometry(new Envelope(lo, hi));
        return new Filter.BBox(null, toStorage.apply(box).getEnvelopeInternal());
    }

    /** The KVP {@code RESOURCEID} (WFS 2.0) or {@code FEATUREID} (1.1): {@code type.1,type.2}. */
    public Filter.ResourceId resourceIdParameter(String value) {
        List<Filter.Rid> ids = new ArrayList<>();
        for (String id : (value == null ? "" : value).split(",", -1)) {
            if (id.isBlank()) {
                throw new FilterException("RESOURCEID has an empty id: '" + value + "'", "RESOURCEID");
            }
            ids.add(new Filter.Rid(withoutTypeName(id.trim()), null));
        }
        return new Filter.ResourceId(ids);
    }

    // ---- operators ----------------------------------------------------------------------------

    /** A Filter holds one operator, or resource ids only, which select any feature they name. */
    private Filter root(Element filter) {
        List<Element> children = children(filter);
        if (children.isEmpty()) {
            throw new FilterException("Filter is empty", "Filter");
        }
        if (children.stream().allMatch(c -> IDS.contains(local(c)))) {
            return new Filter.ResourceId(children.stream().map(this::rid).toList());
        }
        if (children.size() > 1) {
            throw new FilterException(
                    "Filter must hold one operator, or resource ids only; it holds "
                            + children.stream().map(FilterParser::local).toList(),
                    "Filter");
        }
        return operator(children.get(0));
    }

    private Filter operator(Element e) {
        String name = local(e);
        if (COMPARISONS.containsKey(name)) {
            return comparison(e, COMPARISONS.get(name));
        }
        if (SPATIAL.containsKey(name)) {
            return spatial(e, SPATIAL.get(name));
        }
        return switch (name) {
            case "And" -> new Filter.And(operands(e));
            case "Or" -> new Filter.Or(operands(e));
            case "Not" -> {
                List<Filter> operands = operands(e);
                if (operands.size() != 1) {
                    throw new FilterException("Not takes one operand, not " + operands.size(), "Not");
                }
                yield new Filter.Not(operands.get(0));
            }
            case "PropertyIsLike" -> like(e);
            case "PropertyIsBetween" -> between(e);
            // PropertyIsNil: the model has no nil values other than null
            case "PropertyIsNull", "PropertyIsNil" ->
                new Filter.IsNull(property(only(e, name), name).name());
            case "BBOX" -> bbox(e);
            case "ResourceId", "FeatureId", "GmlObjectId" -> new Filter.ResourceId(List.of(rid(e)));
            default -> throw unsupported(name);
        };
    }

    private List<Filter> operands(Element e) {
        List<Element> children = children(e);
        if (children.isEmpty()) {
            throw new FilterException(local(e) + " has no operand", local(e));
        }
        return children.stream().map(this::operator).toList();
    }

    private Filter comparison(Element e, ComparisonOperator operator) {
        String name = local(e);
        List<Element> children = children(e);
        if (children.size() != 2) {
            throw new FilterException(name + " takes two expressions, not " + children.size(), name);
        }
        children.forEach(c -> expressionKind(c, name));
        boolean propertyFirst = isProperty(children.get(0));
        Element property = children.get(propertyFirst ? 0 : 1);
        Element literal = children.get(propertyFirst ? 1 : 0);
        if (!isProperty(property)) {
            throw new FilterException(name + " compares two literals: one side must be a property", name);
        }
        if (isProperty(literal)) {
            throw new FilterException(name + " comparing two properties is not supported", name);
        }
        AttributeDescriptor a = plainProperty(property, name);
        String text = literalText(literal, name);
        AttributeValues.fromLiteral(a, text);
        return new Filter.Comparison(
                propertyFirst ? operator : flipped(operator), a.name(), text, matchCase(e, "matchCase"));
    }

    /** {@code 5 < count} is {@code count > 5}. */
    private static ComparisonOperator flipped(ComparisonOperator operator) {
        return switch (operator) {
            case LESS -> ComparisonOperator.GREATER;
            case LESS_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            case GREATER -> ComparisonOperator.LESS;
            case GREATER_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case EQUAL, NOT_EQUAL -> operator;
        };
    }

    private Filter like(Element e) {
        List<Element> children = children(e);
        if (children.size() != 2 || !isProperty(children.get(0))) {
            throw new FilterException("PropertyIsLike takes a property and a literal pattern", "PropertyIsLike");
        }
        AttributeDescriptor a = plainProperty(children.get(0), "PropertyIsLike");
        // FE 1.0 names the escape mark "escape"; FE 1.1 and FES 2.0 "escapeChar"
        String escape = e.hasAttribute("escapeChar") ? e.getAttribute("escapeChar") : e.getAttribute("escape");
        Filter.Like like = new Filter.Like(
                a.name(),
                literalText(children.get(1), "PropertyIsLike"),
                mark(e, "wildCard", e.getAttribute("wildCard"), '*'),
                mark(e, "singleChar", e.getAttribute("singleChar"), '.'),
                mark(e, "escapeChar", escape, '!'),
                matchCase(e, "matchCase"));
        LikePattern.of(like, a);
        return like;
    }

    private static char mark(Element e, String attribute, String value, char fallback) {
        if (value.isEmpty() && !e.hasAttribute(attribute)) {
            return fallback;
        }
        if (value.length() != 1) {
            throw new FilterException(
                    "PropertyIsLike " + attribute + " must be one character, not '" + value + "'", "PropertyIsLike");
        }
        return value.charAt(0);
    }

    private Filter between(Element e) {
        AttributeDescriptor a = null;
        String lower = null, upper = null;
        for (Element child : children(e)) {
            switch (local(child)) {
                case "LowerBoundary" -> lower = literalText(only(child, "LowerBoundary"), "PropertyIsBetween");
                case "UpperBoundary" -> upper = literalText(only(child, "UpperBoundary"), "PropertyIsBetween");
                default -> a = plainProperty(child, "PropertyIsBetween");
            }
        }
        if (a == null || lower == null || upper == null) {
            throw new FilterException(
                    "PropertyIsBetween needs a property, a LowerBoundary and an UpperBoundary", "PropertyIsBetween");
        }
        AttributeValues.fromLiteral(a, lower);
        AttributeValues.fromLiteral(a, upper);
        return new Filter.Between(a.name(), lower, upper);
    }

    private Filter bbox(Element e) {
        String property = null;
        Geometry envelope = null;
        for (Element child : children(e)) {
            if (isProperty(child)) {
                property = bboxProperty(child);
            } else if (envelope == null) {
                envelope = geometry(child, "BBOX");
            } else {
                throw new FilterException("BBOX takes one envelope", "BBOX");
            }
        }
        if (envelope == null) {
            throw new FilterException("BBOX has no envelope", "BBOX");
        }
        return new Filter.BBox(property, envelope.getEnvelopeInternal());
    }

    /** OWSLib's fes2.BBox always names the CSW queryable ows:BoundingBox: the default geometry here. */
    private String bboxProperty(Element property) {
        String name = stepName(property.getTextContent());
        if (name.equals("BoundingBox") && type.attribute(name).isEmpty()) {
            return null;
        }
        return geometryProperty(property, "BBOX").name();
    }

    private Filter spatial(Element e, SpatialOperator operator) {
        String name = local(e);
        String property = null;
        Geometry geometry = null;
        for (Element child : children(e)) {
            if (isProperty(child)) {
                property = geometryProperty(child, name).name();
            } else if (geometry == null) {
                geometry = geometry(child, name);
            } else {
                throw new FilterException(name + " takes one geometry", name);
            }
        }
        if (geometry == null) {
            throw new FilterException(name + " has no geometry", name);
        }
        return new Filter.Spatial(operator, property, geometry);
    }

    /** A GML geometry, bare or in a Literal, in storage CRS. */
    private Geometry geometry(Element e, String operator) {
        Element g = e;
        if (!GmlGeometryReader.isGml(e) && local(e).equals("Literal")) {
            g = only(e, operator);
        }
        if (!GmlGeometryReader.isGml(g)) {
            throw new FilterException(
                    operator + " takes a property and a GML geometry, not " + g.getNodeName(), operator);
        }
        try {
            return toStorage.apply(gml.read(g));
        } catch (GmlException x) {
            throw new FilterException(operator + ": " + x.getMessage(), operator, x);
        }
    }

    /** {@code fes:ResourceId rid= version=}, {@code ogc:FeatureId fid=} or {@code ogc:GmlObjectId gml:id=}. */
    private Filter.Rid rid(Element e) {
        String name = local(e);
        String id =
                switch (name) {
                    case "ResourceId" -> e.getAttribute("rid");
                    case "FeatureId" -> e.getAttribute("fid");
                    default ->
                        firstNonEmpty(
                                e.getAttributeNS(GmlGeometryReader.GML_311, "id"),
                                e.getAttributeNS(GmlGeometryReader.GML_32, "id"),
                                e.getAttribute("id"));
                };
        if (id.isBlank()) {
            throw new FilterException(name + " has no id", name);
        }
        if (e.hasAttribute("startDate") || e.hasAttribute("endDate")) {
            throw new FilterException("ResourceId by startDate or endDate is not supported", name);
        }
        return new Filter.Rid(
                withoutTypeName(id.trim()), version(e.getAttribute("version").trim(), name));
    }

    /** A version number; LATEST is the current version, which any id selects. */
    private static Integer version(String version, String operator) {
        if (version.isEmpty() || version.equals("LATEST")) {
            return null;
        }
        try {
            return Integer.valueOf(version);
        } catch (NumberFormatException e) {
            throw new FilterException(
                    "ResourceId version '" + version + "' is not supported: only a number or LATEST", operator);
        }
    }

    private String withoutTypeName(String id) {
        String prefix = type.name() + ".";
        return id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }

    // ---- expressions ------------------------------------------------------------------------

    private static boolean isProperty(Element e) {
        if (GmlGeometryReader.isGml(e)) {
            return false;
        }
        String name = local(e);
        return name.equals("ValueReference") || name.equals("PropertyName");
    }

    /** A non-geometry property. */
    private AttributeDescriptor plainProperty(Element e, String operator) {
        AttributeDescriptor a = property(e, operator);
        if (a.isGeometry()) {
            throw new FilterException(
                    "property '" + a.name() + "' is a geometry: " + operator
                            + " takes a value property; use a spatial operator",
                    a.name());
        }
        return a;
    }

    private AttributeDescriptor geometryProperty(Element e, String operator) {
        AttributeDescriptor a = property(e, operator);
        if (!a.isGeometry()) {
            throw new FilterException(
                    operator + " needs a geometry property; '" + a.name() + "' is " + a.type(), a.name());
        }
        return a;
    }

    private AttributeDescriptor property(Element e, String operator) {
        if (!isProperty(e)) {
            expressionKind(e, operator);
            throw new FilterException(operator + " needs a property, not " + local(e), operator);
        }
        String name = stepName(e.getTextContent());
        if (name.startsWith("@")) {
            throw new FilterException(
                    "property '" + e.getTextContent().trim() + "' is not supported: select features"
                            + " by id with ResourceId",
                    operator);
        }
        return FilterException.attribute(type, name);
    }

    /** {@code labeler:class} and {@code labeler:label/labeler:class} name the attribute {@code class}. */
    private static String stepName(String path) {
        String name = path.trim();
        name = name.substring(name.lastIndexOf('/') + 1);
        boolean attribute = name.startsWith("@");
        name = name.substring(name.lastIndexOf(':') + 1);
        return attribute ? "@" + name : name;
    }

    private static String literalText(Element e, String operator) {
        expressionKind(e, operator);
        if (!local(e).equals("Literal")) {
            throw new FilterException(operator + " needs a literal, not " + local(e), operator);
        }
        List<Element> content = children(e);
        if (!content.isEmpty()) {
            throw new FilterException(
                    "Literal of " + operator + " must be text, not "
                            + content.get(0).getLocalName(),
                    operator);
        }
        return e.getTextContent();
    }

    /** Refuses the expressions of FES that are not supported here. */
    private static void expressionKind(Element e, String operator) {
        switch (local(e)) {
            case "Function" ->
                throw new FilterException(
                        "function '" + e.getAttribute("name") + "' is not supported (in " + operator + ")", operator);
            case "Add", "Sub", "Mul", "Div" ->
                throw new FilterException(
                        "arithmetic " + local(e) + " is not supported (in " + operator + ")", operator);
            default -> {}
        }
    }

    private static boolean matchCase(Element e, String attribute) {
        String value = e.getAttribute(attribute).trim();
        return switch (value) {
            case "", "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw new FilterException(
                        local(e) + " " + attribute + " must be true or false, not '" + value + "'", local(e));
        };
    }

    private static FilterException unsupported(String name) {
        if (TEMPORAL.contains(name)) {
            return new FilterException("temporal operator " + name + " is not supported", name);
        }
        if (name.equals("DWithin") || name.equals("Beyond")) {
            return new FilterException("distance operator " + name + " is not supported", name);
        }
        if (name.equals("Function")) {
            return new FilterException("functions are not supported", name);
        }
        return new FilterException(name + " is not a supported operator of Filter Encoding 2.0 or 1.1", name);
    }

    private Srs resolve(String srsName, String locator) {
        try {
            return srsResolver.resolve(srsName);
        } catch (GmlException e) {
            throw new FilterException(e.getMessage(), locator, e);
        }
    }

    // ---- XML ----------------------------------------------------------------------------------

    /** The local name of a filter element (FES 2.0, FE 1.1 or no namespace). */
    private static String local(Element e) {
        String ns = e.getNamespaceURI();
        if (ns != null && !ns.equals(FES_20) && !ns.equals(OGC)) {
            throw new FilterException(
                    e.getNodeName() + " is not an element of Filter Encoding 2.0 or 1.1 (namespace " + ns + ")",
                    "filter");
        }
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    private static Element only(Element e, String operator) {
        List<Element> children = children(e);
        if (children.size() != 1) {
            throw new FilterException(
                    e.getLocalName() + " of " + operator + " must hold one element, not " + children.size(), operator);
        }
        return children.get(0);
    }

    private static List<Element> children(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
