package org.imagelabeler.platform.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * Encodes operation results of some type in some formats (PNG and JPEG maps, XML documents,
 * JSON feature info): the dispatcher takes the first writer, in priority order, that accepts the
 * result.
 */
public interface ResponseWriter extends ExtensionPriority {

    boolean canWrite(Object result);

    void write(Object result, OwsRequest request, HttpServletResponse response) throws IOException;

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
