package org.imagelabeler.platform.tiles.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A DOM element read by local names: {@code ows:Title}, {@code Title} and {@code wmts:Title} all
 * match {@code "Title"}, because capabilities documents differ in prefixes, default namespaces
 * and OWS versions, and WMS 1.1.1 documents may use an {@code xlink:} prefix that only their DTD
 * declares (the parser is not namespace-aware, so such documents still parse).
 */
record XmlElement(Element element) {

    /** The name without its prefix. */
    String localName() {
        return localPart(element.getNodeName());
    }

    /** The name as written, with its prefix. */
    String qualifiedName() {
        return element.getNodeName();
    }

    /** The namespace the element's prefix (or the default namespace) is bound to, or null. */
    String namespace() {
        String name = element.getNodeName();
        int colon = name.indexOf(':');
        String declaration = colon < 0 ? "xmlns" : "xmlns:" + name.substring(0, colon);
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute(declaration)) {
                String uri = e.getAttribute(declaration);
                return uri.isEmpty() ? null : uri;
            }
        }
        return null;
    }

    List<XmlElement> children(String localName) {
        List<XmlElement> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localPart(e.getNodeName()).equals(localName)) {
                found.add(new XmlElement(e));
            }
        }
        return found;
    }

    Optional<XmlElement> child(String localName) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localPart(e.getNodeName()).equals(localName)) {
                return Optional.of(new XmlElement(e));
            }
        }
        return Optional.empty();
    }

    /** The element at the end of a path of child names, if each step exists. */
    Optional<XmlElement> path(String... localNames) {
        Optional<XmlElement> current = Optional.of(this);
        for (String name : localNames) {
            current = current.flatMap(e -> e.child(name));
        }
        return current;
    }

    /** The trimmed text of the element and its descendants. */
    String text() {
        return element.getTextContent().trim();
    }

    /** The trimmed text of the first child of that name, or null when absent or blank. */
    String childText(String localName) {
        return child(localName).map(XmlElement::text).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The trimmed texts of all children of that name, blank ones left out. */
    List<String> childTexts(String localName) {
        return children(localName).stream()
                .map(XmlElement::text)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** An attribute matched by local name ({@code href} finds {@code xlink:href}), or null. */
    String attribute(String localName) {
        if (element.hasAttribute(localName)) {
            return element.getAttribute(localName).trim();
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (!name.startsWith("xmlns") && localPart(name).equals(localName)) {
                return attribute.getValue().trim();
            }
        }
        return null;
    }

    private static String localPart(String name) {
        return name.substring(name.indexOf(':') + 1);
    }
}
