package org.imagelabeler.platform.ows.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.OwsService;
import org.imagelabeler.platform.ows.ServiceDescriptor;

/**
 * WMS 1.3.0 and 1.1.1. Exceptions follow the request's {@code EXCEPTIONS}: an XML
 * ServiceExceptionReport by default, or for GetMap the message drawn in an image of the requested
 * size and format ({@code INIMAGE}), or an empty image ({@code BLANK}).
 */
public final class WmsService implements OwsService {

    public static final String ID = "WMS";
    private static final String OGC_NS = "http://www.opengis.net/ogc";

    private static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(
            ID,
            List.of("1.1.1", "1.3.0"),
            Set.of("GetCapabilities", "GetMap", "GetFeatureInfo", GetLegendGraphicOperation.NAME));

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void writeException(OwsException e, OwsRequest request, HttpServletResponse response) throws IOException {
        String mode = request.parameter("EXCEPTIONS").orElse("XML").toUpperCase(Locale.ROOT);
        boolean getMap = "GetMap".equalsIgnoreCase(request.operation());
        if (getMap && (mode.endsWith("INIMAGE") || mode.endsWith("BLANK"))) {
            BufferedImage image = imageFor(e, request, mode.endsWith("INIMAGE"));
            if (image != null) {
                String format = GetMapRequest.format(request.parameter("FORMAT").orElse(GetMapRequest.PNG));
                byte[] body = MapImageWriter.encode(image, format, MapEncoding.DEFAULT);
                response.setStatus(200); // the client shows the image, which carries the message
                response.setContentType(format);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
        }
        boolean v130 = !"1.1.1".equals(request.version());
        response.setStatus(e.status());
        response.setContentType(v130 ? "text/xml" : "application/vnd.ogc.se_xml");
        byte[] body = report(e, v130);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static byte[] report(OwsException e, boolean v130) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            if (v130) {
                x.setDefaultNamespace(OGC_NS);
                x.writeStartElement(OGC_NS, "ServiceExceptionReport");
                x.writeDefaultNamespace(OGC_NS);
                x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
                x.writeAttribute("version", "1.3.0");
                x.writeAttribute(
                        "http://www.w3.org/2001/XMLSchema-instance",
                        "schemaLocation",
                        OGC_NS + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            } else {
                x.writeDTD("<!DOCTYPE ServiceExceptionReport SYSTEM"
                        + " \"http://schemas.opengis.net/wms/1.1.1/WMS_exception_1_1_1.dtd\">");
                x.writeStartElement("ServiceExceptionReport");
                x.writeAttribute("version", "1.1.1");
            }
            x.writeStartElement("ServiceException");
            x.writeAttribute("code", e.code());
            if (e.locator() != null && v130) { // 1.1.1 reports have no locator
                x.writeAttribute("locator", e.locator());
            }
            x.writeCharacters(e.getMessage() == null ? "" : e.getMessage());
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toByteArray();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The map-sized image of an exception, or null when the request's size or format is unusable. */
    private static BufferedImage imageFor(OwsException e, OwsRequest request, boolean withMessage) {
        try {
            int width = request.requireInt("WIDTH", 1, 8192);
            int height = request.requireInt("HEIGHT", 1, 8192);
            boolean transparent = request.parameter("TRANSPARENT")
                    .map(t -> t.equalsIgnoreCase("TRUE"))
                    .orElse(false);
            BufferedImage image = new BufferedImage(
                    width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            if (withMessage) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                int y = 16;
                for (String line : wrap(e.code() + ": " + e.getMessage(), Math.max(10, width / 7))) {
                    g.drawString(line, 4, y);
                    y += 15;
                }
            }
            g.dispose();
            return image;
        } catch (RuntimeException notUsable) {
            return null;
        }
    }

    private static List<String> wrap(String text, int columns) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > columns && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
