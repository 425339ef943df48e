package org.imagelabeler.platform.tiles.cascade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the capabilities document of a remote WMTS 1.0.0 or WMS 1.3.0/1.1.1 server, to cascade
 * its layers (NASA GIBS first). Elements are matched by local name, whatever their prefix or
 * namespace. Anything else the server may send instead, an OGC exception report, an HTML error
 * or login page, another kind of document, is refused with a message that says what it is.
 *
 * <p>The XML is read without DTDs or external entities: a document's DOCTYPE (WMS 1.1.1 documents
 * have one) is not fetched, and an entity pointing at a file or URL is left empty rather than read,
 * so a hostile server cannot make this one read its local files or call other hosts.
 */
public final class CapabilitiesParser {

    private static final int QUOTE_LENGTH = 500;
    private static final Pattern HTML_START =
            Pattern.compile("(?is)^\\uFEFF?\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype\\s+html|html)\\b.*");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private CapabilitiesParser() {}

    /** Reads the document; the stream is read to its end and not closed. */
    public static RemoteCapabilities parse(InputStream in) throws CapabilitiesException {
        byte[] body;
        try {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new CapabilitiesException("Could not read the capabilities document: " + e.getMessage(), e);
        }
        String start = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        if (start.isBlank()) {
            throw new CapabilitiesException("The capabilities document is empty");
        }
        if (HTML_START.matcher(start).matches()) {
            throw htmlPage(start);
        }
        XmlElement root = new XmlElement(document(body, start).getDocumentElement());
        return switch (root.localName()) {
            case "Capabilities" -> WmtsCapabilitiesReader.read(wmts(root));
            case "WMS_Capabilities", "WMT_MS_Capabilities" -> WmsCapabilitiesReader.read(root);
            case "ExceptionReport" -> throw exceptionReport(root, "Exception", "exceptionCode");
            case "ServiceExceptionReport" -> throw exceptionReport(root, "ServiceException", "code");
            default -> {
                if (root.localName().equalsIgnoreCase("html")) {
                    throw htmlPage(start);
                }
                throw new CapabilitiesException(
                        "Not a WMTS or WMS capabilities document: the root element is <"
                                + root.qualifiedName() + ">" + inNamespace(root)
                                + ", where <Capabilities> (WMTS) or <WMS_Capabilities>/<WMT_MS_Capabilities> (WMS) was expected");
            }
        };
    }

    /** The root, if its namespace is WMTS's or none: WCS 1.1 also names its root Capabilities. */
    private static XmlElement wmts(XmlElement root) throws CapabilitiesException {
        String namespace = root.namespace();
        if (namespace != null && !namespace.toLowerCase(Locale.ROOT).contains("wmts")) {
            throw new CapabilitiesException(
                    "Not a WMTS capabilities document: the root element <" + root.qualifiedName() + ">"
                            + inNamespace(root) + " is not WMTS's (http://www.opengis.net/wmts/1.0)");
        }
        return root;
    }

    private static String inNamespace(XmlElement root) {
        String namespace = root.namespace();
        return namespace == null ? "" : " in namespace " + namespace;
    }

    private static Document document(byte[] body, String start) throws CapabilitiesException {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw new CapabilitiesException(
                    "Not a well-formed XML document (" + e.getMessage() + " at line "
                            + e.getLineNumber() + ", column " + e.getColumnNumber() + "); it starts with: \""
                            + preview(start, 120) + "\"",
                    e);
        } catch (SAXException | IOException e) {
            throw new CapabilitiesException("Could not read the capabilities document as XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
        }
    }

    /**
     * The JDK's own DOM parser (not whatever the classpath brings), not namespace-aware, which
     * neither loads external DTDs nor resolves external entities: a reference to an external
     * entity gives no text.
     */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        // internal entities are expanded, within the JDK's secure-processing limits on expansions
        factory.setExpandEntityReferences(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static CapabilitiesException exceptionReport(XmlElement root, String exceptionName, String codeName) {
        List<String> reports = new ArrayList<>();
        for (XmlElement exception : root.children(exceptionName)) {
            StringBuilder report = new StringBuilder();
            String code = exception.attribute(codeName);
            if (code != null && !code.isEmpty()) {
                report.append(code);
            }
            String locator = exception.attribute("locator");
            if (locator != null && !locator.isEmpty()) {
                report.append(report.isEmpty() ? "" : " ")
                        .append("(locator ")
                        .append(locator)
                        .append(")");
            }
            List<String> texts = exception.childTexts("ExceptionText");
            String text = texts.isEmpty() ? exception.text() : String.join(" ", texts);
            if (!text.isEmpty()) {
                report.append(report.isEmpty() ? "" : ": ")
                        .append('"')
                        .append(preview(text, QUOTE_LENGTH))
                        .append('"');
            }
            reports.add(report.toString());
        }
        return new CapabilitiesException("The server answered with an OGC exception report instead of capabilities: "
                + (reports.isEmpty() ? "(no exception in it)" : String.join("; ", reports)));
    }

    private static CapabilitiesException htmlPage(String start) {
        Matcher title = HTML_TITLE.matcher(start);
        String named = title.find() ? " titled \"" + preview(title.group(1), 120) + "\"" : "";
        return new CapabilitiesException("Not a capabilities document: the server sent an HTML page" + named
                + " (a wrong URL, an error page, or a login or proxy page?)");
    }

    /** The text on one line, shortened, for quoting in a message. */
    private static String preview(String text, int length) {
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= length ? line : line.substring(0, length) + "...";
    }
}
