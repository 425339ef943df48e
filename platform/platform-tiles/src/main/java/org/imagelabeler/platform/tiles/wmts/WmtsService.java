package org.imagelabeler.platform.tiles.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.OwsService;
import org.imagelabeler.platform.ows.ServiceDescriptor;

/** WMTS 1.0.0 in the OWS dispatcher; exceptions are OWS 1.1 exception reports. */
public final class WmtsService implements OwsService {

    public static final String ID = "WMTS";
    static final String OWS = "http://www.opengis.net/ows/1.1";

    private static final ServiceDescriptor DESCRIPTOR =
            new ServiceDescriptor(ID, List.of("1.0.0"), Set.of("GetCapabilities", "GetTile", "GetFeatureInfo"));

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void writeException(OwsException exception, OwsRequest request, HttpServletResponse response)
            throws IOException {
        write(exception, response);
    }

    /** Writes an exception report; also used by the RESTful endpoints. */
    static void write(OwsException e, HttpServletResponse response) throws IOException {
        response.setStatus(e.status());
        response.setContentType("application/xml");
        try (OutputStream out = response.getOutputStream()) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("ows", OWS);
            x.writeStartElement(OWS, "ExceptionReport");
            x.writeNamespace("ows", OWS);
            x.writeAttribute("version", "1.1.0");
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
