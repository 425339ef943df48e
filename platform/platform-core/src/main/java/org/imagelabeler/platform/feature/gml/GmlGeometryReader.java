package org.imagelabeler.platform.feature.gml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads GML 3.2 and GML 3.1.1 geometries (as WFS 2.0 and 1.1 clients write them) into JTS
 * geometries with x = easting or longitude, whatever axis order the {@code srsName} implies, and
 * the EPSG number of the CRS as SRID. The {@code srsName} and {@code srsDimension} of an element
 * are inherited from its nearest ancestor that has one (a WFS {@code Insert}, a geometry around
 * its members); where none has one, positions are in the default {@link Srs}. Only the structure
 * and the coordinates are checked: whether a geometry is topologically valid is for the domain.
 */
public final class GmlGeometryReader {

    public static final String GML_32 = "http://www.opengis.net/gml/3.2";
    public static final String GML_311 = "http://www.opengis.net/gml";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    // gml:AbstractGMLType's properties: they may precede the geometry's own
    private static final Set<String> METADATA =
            Set.of("metaDataProperty", "description", "descriptionReference", "identifier", "name", "boundedBy");

    private final SrsResolver srsResolver;
    private final Srs defaultSrs;

    /** A reader that takes positions without any {@code srsName} as EPSG:4326, longitude first. */
    public GmlGeometryReader(SrsResolver srsResolver) {
        this(srsResolver, Srs.LONGITUDE_FIRST_4326);
    }

    public GmlGeometryReader(SrsResolver srsResolver, Srs defaultSrs) {
        this.srsResolver = srsResolver;
        this.defaultSrs = defaultSrs;
    }

    /** Whether {@code node} is an element of GML 3.2 or 3.1.1. */
    public static boolean isGml(Node node) {
        return node instanceof Element e && (GML_32.equals(e.getNamespaceURI()) || GML_311.equals(e.getNamespaceURI()));
    }

    /**
     * The geometry {@code element} holds; an {@code Envelope} (or GML 2 {@code Box}) becomes its
     * polygon.
     *
     * @throws GmlException naming the element at fault
     */
    public Geometry read(Element element) {
        return shape(element, start(element));
    }

    /**
     * The extent an {@code Envelope} (or GML 2 {@code Box}) element holds, x = easting. Its CRS is
     * the one {@link #read} gives the envelope's polygon as SRID.
     */
    public Envelope readEnvelope(Element element) {
        requireGml(element);
        if (!element.getLocalName().equals("Envelope")
                && !element.getLocalName().equals("Box")) {
            throw new GmlException("expected an Envelope, found " + element.getLocalName());
        }
        return envelope(element, start(element));
    }

    /** Where positions are: the CRS, the declared dimension (0: none) and the factory with its SRID. */
    private record Context(Srs srs, int dimension, GeometryFactory factory) {}

    private Context start(Element e) {
        Srs srs = defaultSrs;
        int dimension = 0;
        boolean srsFound = false, dimensionFound = false;
        for (Node n = e.getParentNode(); n instanceof Element a; n = a.getParentNode()) {
            if (!srsFound && srsName(a) != null) {
                srs = resolve(srsName(a), a);
                srsFound = true;
            }
            if (!dimensionFound && a.hasAttribute("srsDimension")) {
                dimension = GmlPositions.dimension(a, 0);
                dimensionFound = true;
            }
        }
        if (srsName(e) != null) {
            srs = resolve(srsName(e), e);
        }
        return new Context(
                srs, GmlPositions.dimension(e, dimension), new GeometryFactory(new PrecisionModel(), srs.srid()));
    }

    /** The context of an element nested in a geometry: its own CRS must be the geometry's. */
    private Context enter(Element e, Context outer) {
        String name = srsName(e);
        Srs srs = outer.srs();
        if (name != null) {
            srs = resolve(name, e);
            if (srs.srid() != outer.factory().getSRID()) {
                throw new GmlException(e.getLocalName() + " is in " + srs.code() + " but the geometry around it in "
                        + outer.srs().code() + ": a geometry has one CRS");
            }
        }
        int dimension = GmlPositions.dimension(e, outer.dimension());
        return srs == outer.srs() && dimension == outer.dimension()
                ? outer
                : new Context(srs, dimension, outer.factory());
    }

    private Srs resolve(String srsName, Element where) {
        try {
            return srsResolver.resolve(srsName);
        } catch (GmlException e) {
            throw new GmlException(e.getMessage() + " (in " + where.getLocalName() + ")", e);
        }
    }

    /** The element's {@code srsName}; OWSLib writes it as {@code gml:srsName}. */
    private static String srsName(Element e) {
        String name = e.getAttribute("srsName");
        if (name.isBlank()) {
            name = e.getAttributeNS(GML_32, "srsName");
        }
        if (name.isBlank()) {
            name = e.getAttributeNS(GML_311, "srsName");
        }
        return name.isBlank() ? null : name;
    }

    // ---- geometries ---------------------------------------------------------------------------

    private Geometry geometry(Element e, Context outer) {
        requireGml(e);
        return shape(e, enter(e, outer));
    }

    private Geometry shape(Element e, Context c) {
        requireGml(e);
        GeometryFactory f = c.factory();
        return switch (e.getLocalName()) {
            case "Point" -> point(e, c);
            case "LineString" -> lineString(e, c);
            case "Curve" -> f.createLineString(curve(e, c));
            case "LinearRing", "Ring" -> f.createLinearRing(ring(e, c, e.getLocalName()));
            case "Polygon" -> polygon(e, c, "Polygon");
            case "Surface" -> surface(e, c);
            case "Envelope", "Box" -> f.toGeometry(envelope(e, c));
            case "MultiPoint" ->
                f.createMultiPoint(members(e, c, "pointMember", "pointMembers").stream()
                        .map(g -> as(Point.class, g, e))
                        .toArray(Point[]::new));
            case "MultiCurve", "MultiLineString" ->
                f.createMultiLineString(members(e, c, "curveMember", "curveMembers", "lineStringMember").stream()
                        .map(g -> g instanceof LinearRing r
                                ? f.createLineString(r.getCoordinateSequence())
                                : as(LineString.class, g, e))
                        .toArray(LineString[]::new));
            case "MultiSurface", "MultiPolygon" ->
                f.createMultiPolygon(polygons(members(e, c, "surfaceMember", "surfaceMembers", "polygonMember"), e));
            case "MultiGeometry" ->
                f.createGeometryCollection(
                        members(e, c, "geometryMember", "geometryMembers").toArray(Geometry[]::new));
            default -> throw new GmlException("GML geometry " + e.getLocalName() + " is not supported");
        };
    }

    private Point point(Element e, Context c) {
        List<Coordinate> positions = positions(e, c);
        if (positions.size() != 1) {
            throw new GmlException(
                    positions.isEmpty() ? "Point has no position" : "Point has " + positions.size() + " positions");
        }
        return c.factory().createPoint(positions.get(0));
    }

    private LineString lineString(Element e, Context c) {
        List<Coordinate> positions = positions(e, c);
        requireLine(e.getLocalName(), positions);
        return c.factory().createLineString(positions.toArray(Coordinate[]::new));
    }

    /** The positions of a Point, LineString, LinearRing or LineStringSegment, in document order. */
    private List<Coordinate> positions(Element e, Context c) {
        List<Coordinate> positions = new ArrayList<>();
        for (Element child : children(e)) {
            Context here = enter(requireGml(child), c);
            switch (child.getLocalName()) {
                case "posList" -> positions.addAll(GmlPositions.posList(child, here.srs(), here.dimension()));
                case "pos" -> positions.add(GmlPositions.pos(child, here.srs(), here.dimension()));
                case "coordinates" -> positions.addAll(GmlPositions.coordinates(child, here.srs()));
                case "coord" -> positions.add(GmlPositions.coord(child, here.srs()));
                case "pointProperty", "pointRep" ->
                    positions.add(
                            as(Point.class, geometry(only(child), here), e).getCoordinate());
                default -> unexpected(child, e);
            }
        }
        return positions;
    }

    /** A Curve's line: its LineStringSegments joined. */
    private Coordinate[] curve(Element e, Context c) {
        List<Coordinate> positions = new ArrayList<>();
        for (Element child : children(e)) {
            if (!requireGml(child).getLocalName().equals("segments")) {
                unexpected(child, e);
                continue;
            }
            for (Element segment : children(child)) {
                if (!requireGml(segment).getLocalName().equals("LineStringSegment")) {
                    throw new GmlException(
                            "Curve segment " + segment.getLocalName() + " is not supported: only LineStringSegment");
                }
                join(positions, positions(segment, enter(segment, c)));
            }
        }
        requireLine("Curve", positions);
        return positions.toArray(Coordinate[]::new);
    }

    /** A LinearRing's positions, or a Ring's curves joined; {@code role} names it in errors. */
    private Coordinate[] ring(Element e, Context c, String role) {
        List<Coordinate> positions;
        if (e.getLocalName().equals("Ring")) {
            positions = new ArrayList<>();
            for (Element member : children(e)) {
                if (!requireGml(member).getLocalName().equals("curveMember")) {
                    unexpected(member, e);
                    continue;
                }
                Geometry curve = geometry(only(member), c);
                join(positions, List.of(as(LineString.class, curve, e).getCoordinates()));
            }
        } else {
            positions = positions(e, c);
        }
        if (positions.size() < 4) {
            throw new GmlException(role + " has " + positions.size() + " positions; a ring needs at least 4");
        }
        Coordinate first = positions.get(0), last = positions.get(positions.size() - 1);
        if (!first.equals2D(last)) {
            throw new GmlException(role + " is not closed (starts at " + first.x + " " + first.y + ", ends at " + last.x
                    + " " + last.y + ")");
        }
        return positions.toArray(Coordinate[]::new);
    }

    /** A Polygon or PolygonPatch; GML 3.1 also names the boundaries outerBoundaryIs and innerBoundaryIs. */
    private Polygon polygon(Element e, Context c, String name) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Element child : children(e)) {
            switch (requireGml(child).getLocalName()) {
                case "exterior", "outerBoundaryIs" -> {
                    if (shell != null) {
                        throw new GmlException(name + " has more than one exterior");
                    }
                    shell = c.factory().createLinearRing(boundary(child, c, name + " exterior ring"));
                }
                case "interior", "innerBoundaryIs" ->
                    holes.add(c.factory()
                            .createLinearRing(boundary(child, c, name + " interior ring " + (holes.size() + 1))));
                default -> unexpected(child, e);
            }
        }
        if (shell == null) {
            throw new GmlException(name + " has no exterior");
        }
        return c.factory().createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private Coordinate[] boundary(Element boundary, Context c, String role) {
        Element ring = only(boundary);
        String kind = requireGml(ring).getLocalName();
        if (!kind.equals("LinearRing") && !kind.equals("Ring")) {
            throw new GmlException(role + " is a " + kind + "; expected a LinearRing or Ring");
        }
        return ring(ring, enter(ring, c), role);
    }

    /** A Surface of PolygonPatches: one patch is a Polygon, several a MultiPolygon. */
    private Geometry surface(Element e, Context c) {
        List<Polygon> patches = new ArrayList<>();
        for (Element child : children(e)) {
            String name = requireGml(child).getLocalName();
            if (!name.equals("patches") && !name.equals("polygonPatches")) {
                unexpected(child, e);
                continue;
            }
            for (Element patch : children(child)) {
                if (!requireGml(patch).getLocalName().equals("PolygonPatch")) {
                    throw new GmlException(
                            "Surface patch " + patch.getLocalName() + " is not supported: only PolygonPatch");
                }
                patches.add(polygon(patch, enter(patch, c), "PolygonPatch"));
            }
        }
        if (patches.isEmpty()) {
            throw new GmlException("Surface has no patches");
        }
        return patches.size() == 1 ? patches.get(0) : c.factory().createMultiPolygon(patches.toArray(Polygon[]::new));
    }

    /** The corners of an Envelope (lowerCorner/upperCorner; GML 3.1 pos pairs) or GML 2 Box. */
    private Envelope envelope(Element e, Context c) {
        List<Coordinate> corners = new ArrayList<>();
        Coordinate lower = null, upper = null;
        for (Element child : children(e)) {
            Context here = enter(requireGml(child), c);
            switch (child.getLocalName()) {
                case "lowerCorner" -> lower = GmlPositions.pos(child, here.srs(), here.dimension());
                case "upperCorner" -> upper = GmlPositions.pos(child, here.srs(), here.dimension());
                case "pos" -> corners.add(GmlPositions.pos(child, here.srs(), here.dimension()));
                case "coord" -> corners.add(GmlPositions.coord(child, here.srs()));
                case "coordinates" -> corners.addAll(GmlPositions.coordinates(child, here.srs()));
                default -> unexpected(child, e);
            }
        }
        if (lower == null && upper == null && corners.size() == 2) {
            lower = corners.get(0);
            upper = corners.get(1);
        } else if (lower == null || upper == null || !corners.isEmpty()) {
            throw new GmlException(e.getLocalName() + " needs a lowerCorner and an upperCorner");
        }
        if (lower.x > upper.x || lower.y > upper.y) {
            throw new GmlException(e.getLocalName() + " lower corner (" + lower.x + " " + lower.y
                    + ") is not below and left of its upper corner (" + upper.x + " " + upper.y
                    + "): check the axis order of its srsName");
        }
        return new Envelope(lower, upper);
    }

    // ---- members ------------------------------------------------------------------------------

    /**
     * The geometries of a multi-geometry: {@code single} properties hold one geometry each, the
     * {@code plural} one ({@code ...Members}) any number.
     */
    private List<Geometry> members(Element e, Context c, String single, String plural) {
        return members(e, c, single, plural, single);
    }

    private List<Geometry> members(Element e, Context c, String single, String plural, String alias) {
        List<Geometry> members = new ArrayList<>();
        for (Element child : children(e)) {
            String name = requireGml(child).getLocalName();
            if (name.equals(single) || name.equals(alias)) {
                members.add(geometry(only(child), c));
            } else if (name.equals(plural)) {
                for (Element member : children(child)) {
                    members.add(geometry(member, c));
                }
            } else {
                unexpected(child, e);
            }
        }
        return members;
    }

    private static Polygon[] polygons(List<Geometry> members, Element e) {
        List<Polygon> polygons = new ArrayList<>();
        for (Geometry g : members) {
            if (g instanceof MultiPolygon mp) {
                for (int i = 0; i < mp.getNumGeometries(); i++) {
                    polygons.add((Polygon) mp.getGeometryN(i));
                }
            } else {
                polygons.add(as(Polygon.class, g, e));
            }
        }
        return polygons.toArray(Polygon[]::new);
    }

    // ---- structure ----------------------------------------------------------------------------

    /** The one geometry a property element ({@code pointMember}, {@code exterior}...) holds. */
    private static Element only(Element property) {
        if (property.hasAttributeNS(XLINK, "href")) {
            throw new GmlException(
                    "xlink:href in " + property.getLocalName() + " is not supported: write the geometry inline");
        }
        List<Element> children = children(property);
        if (children.size() != 1) {
            throw new GmlException(property.getLocalName() + " must hold exactly one geometry, not " + children.size());
        }
        return children.get(0);
    }

    /** Child elements, without the GML object metadata that may precede a geometry's content. */
    static List<Element> children(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && !(isGml(child) && METADATA.contains(child.getLocalName()))) {
                children.add(child);
            }
        }
        return children;
    }

    private static Element requireGml(Element e) {
        if (!isGml(e)) {
            throw new GmlException(e.getNodeName() + " is not a GML element (namespace " + e.getNamespaceURI()
                    + "); expected GML 3.2 or 3.1.1");
        }
        return e;
    }

    private static <T extends Geometry> T as(Class<T> kind, Geometry g, Element parent) {
        if (!kind.isInstance(g)) {
            throw new GmlException(parent.getLocalName() + " has a member " + g.getGeometryType() + "; expected "
                    + kind.getSimpleName());
        }
        return kind.cast(g);
    }

    private static void unexpected(Element child, Element parent) {
        throw new GmlException(child.getLocalName() + " is not expected in " + parent.getLocalName());
    }

    private static void requireLine(String name, List<Coordinate> positions) {
        if (positions.size() < 2) {
            throw new GmlException(name + " has " + positions.size() + " position" + (positions.size() == 1 ? "" : "s")
                    + "; a line needs at least 2");
        }
    }

    /** Appends a curve part, dropping its first position where it repeats the last one. */
    private static void join(List<Coordinate> line, List<Coordinate> part) {
        int from =
                !line.isEmpty() && !part.isEmpty() && line.get(line.size() - 1).equals2D(part.get(0)) ? 1 : 0;
        line.addAll(part.subList(from, part.size()));
    }
}
