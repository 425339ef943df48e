package org.imagelabeler.platform.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An OWS 1.1 {@code ows:ExceptionReport}, the exception format of WMTS and of unknown services. */
public final class OwsExceptionReport {

    public static final String OWS = "http://www.opengis.net/ows/1.1";

    private OwsExceptionReport() {}

    /** OWS 1.0, the exception format of WFS 1.1.0. */
    public static final String OWS_1_0 = "http://www.opengis.net/ows";

    /** @param version the report's {@code version} attribute: the service's OWS version */
    public static void write(OwsException e, String version, HttpServletResponse response) throws IOException {
        write(e, OWS, version, response);
    }

    /** @param namespace {@link #OWS} (1.1) or {@link #OWS_1_0} */
    public static void write(OwsException e, String namespace, String version, HttpServletResponse response)
            throws IOException {
        response.setStatus(e.status());
        response.setContentType("application/xml");
        try (OutputStream out = response.getOutputStream()) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("ows", namespace);
            x.writeStartElement(namespace, "ExceptionReport");
            x.writeNamespace("ows", namespace);
            x.writeAttribute("version", version);
            x.writeAttribute("xml:lang", "en");
            x.writeStartElement(namespace, "Exception");
            x.writeAttribute("exceptionCode", e.code());
            if (e.locator() != null) {
                x.writeAttribute("locator", e.locator());
            }
            x.writeStartElement(namespace, "ExceptionText");
            x.writeCharacters(e.getMessage() == null ? "" : e.getMessage());
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }
}
