package org.imagelabeler.platform.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes {@link XmlDocument} results as they are. */
public class XmlDocumentWriter implements ResponseWriter {

    @Override
    public boolean canWrite(Object result) {
        return result instanceof XmlDocument;
    }

    @Override
    public void write(Object result, OwsRequest request, HttpServletResponse response) throws IOException {
        XmlDocument doc = (XmlDocument) result;
        response.setContentType(doc.contentType());
        response.setContentLength(doc.content().length);
        response.getOutputStream().write(doc.content());
    }
}
