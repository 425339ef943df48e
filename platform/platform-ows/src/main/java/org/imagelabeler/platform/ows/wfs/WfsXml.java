package org.imagelabeler.platform.ows.wfs;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Walking the DOM of XML-encoded WFS requests. */
final class WfsXml {

    private WfsXml() {}

    /** The child elements of {@code parent} with that namespace and local name. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName())
                    && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    /** All child elements of {@code parent}. */
    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** Writes {@code <ns:name>value</ns:name>}. */
    static void text(javax.xml.stream.XMLStreamWriter x, String ns, String name, String value)
            throws javax.xml.stream.XMLStreamException {
        x.writeStartElement(ns, name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    /** An attribute's value, or null when absent (DOM answers "" for both). */
    static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
