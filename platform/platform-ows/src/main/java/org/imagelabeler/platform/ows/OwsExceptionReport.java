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

    /** @param version the report's {@code version} attribute: the service's OWS version */
    public static void write(OwsException e, String version, HttpServletResponse response) throws IOException {
        response.setStatus(e.status());
        response.setContentType("application/xml");
        try (OutputStream out = response.getOutputStream()) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("ows", OWS);
            x.writeStartElement(OWS, "ExceptionReport");
            x.writeNamespace("ows", OWS);
            x.writeAttribute("version", version);
            x.writeAttribute("xml:lang", "en");
            x.writeStartElement(OWS, "Exception");
            x.writeAttribute("exceptionCode", e.code());
            if (e.locator() != null) {
                x.writeAttribute("locator", e.locator());
            }
            x.writeStartElement(OWS, "ExceptionText");
            x.writeCharacters(e.getMessage() == null ? "" : e.getMessage());
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }
}
