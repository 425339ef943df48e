package org.imagelabeler.platform.feature.gml;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** XML snippets of the tests as DOM elements; {@code gml:} is GML 3.2 unless the snippet binds it. */
final class GmlDocuments {

    private GmlDocuments() {}

    static Element element(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException(xml, e);
        }
    }

    /** A GML 3.2 element whose {@code gml:} prefix needs no declaration in the snippet. */
    static Element gml32(String xml) {
        return element(bind(xml, GmlGeometryReader.GML_32));
    }

    /** A GML 3.1.1 element (WFS 1.1.0). */
    static Element gml31(String xml) {
        return element(bind(xml, GmlGeometryReader.GML_311));
    }

    private static String bind(String xml, String namespace) {
        int end = xml.indexOf('>');
        int at = xml.charAt(end - 1) == '/' ? end - 1 : end;
        return xml.substring(0, at) + " xmlns:gml=\"" + namespace + "\"" + xml.substring(at);
    }
}
