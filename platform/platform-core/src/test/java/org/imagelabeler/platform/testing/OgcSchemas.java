package org.imagelabeler.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Validation against the official OGC schemas of {@code org.jvnet.ogc:ogc-schemas}, offline:
 * references to schemas.opengis.net and to the W3C XLink schema resolve to the jar.
 */
public final class OgcSchemas {

    private OgcSchemas() {}

    /** Validates {@code xml} against the XSD at {@code location} in the jar ({@code ogc/wms/1.3.0/...}). */
    public static void validate(byte[] xml, String location) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new JarResolver());
        URL xsd = OgcSchemas.class.getClassLoader().getResource(location);
        var schema = factory.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
        var validator = schema.newValidator();
        validator.setResourceResolver(new JarResolver());
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /**
     * Validates a document of OGC elements and application elements ({@code wfs:FeatureCollection}
     * of features) against the OGC schema at {@code location} in the jar together with the
     * application schema (a DescribeFeatureType answer) read from {@code appSchemaUrl}.
     */
    public static void validate(byte[] xml, String location, byte[] appSchema, String appSchemaUrl) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new JarResolver());
        URL xsd = OgcSchemas.class.getClassLoader().getResource(location);
        var schema = factory.newSchema(new javax.xml.transform.Source[] {
            new StreamSource(xsd.openStream(), xsd.toExternalForm()),
            new StreamSource(new ByteArrayInputStream(appSchema), appSchemaUrl)
        });
        var validator = schema.newValidator();
        validator.setResourceResolver(new JarResolver());
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Parses with DTD validation, the DTD taken from the jar whatever URL the document names. */
    public static Document validateWithDtd(byte[] xml, String dtdLocation) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        var builder = f.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) ->
                new InputSource(OgcSchemas.class.getClassLoader().getResourceAsStream(dtdLocation)));
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static final class JarResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
            String location = null;
            if (systemId != null && systemId.endsWith("xlink.xsd")) {
                location = "schemas/xlink.xsd"; // see the comment in that file
            } else if ("http://www.w3.org/2001/xml.xsd".equals(systemId)) {
                location = "schemas/xml.xsd"; // see the comment in that file
            } else if (systemId != null && systemId.startsWith("http://schemas.opengis.net/")) {
                location = "ogc/" + systemId.substring("http://schemas.opengis.net/".length());
            }
            if (location == null) {
                return null; // relative: the parser resolves it against the jar URL of its parent
            }
            URL url = OgcSchemas.class.getClassLoader().getResource(location);
            if (url == null) {
                throw new IllegalArgumentException("no schema " + location + " in ogc-schemas for " + systemId);
            }
            return new JarInput(url, publicId, systemId);
        }
    }

    private record JarInput(URL url, String publicId, String systemId) implements LSInput {
        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String getSystemId() {
            return url.toExternalForm();
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public String getBaseURI() {
            return url.toExternalForm();
        }

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCharacterStream(java.io.Reader r) {}

        @Override
        public void setByteStream(InputStream s) {}

        @Override
        public void setStringData(String s) {}

        @Override
        public void setSystemId(String s) {}

        @Override
        public void setPublicId(String s) {}

        @Override
        public void setBaseURI(String s) {}

        @Override
        public void setEncoding(String s) {}

        @Override
        public void setCertifiedText(boolean b) {}
    }
}
