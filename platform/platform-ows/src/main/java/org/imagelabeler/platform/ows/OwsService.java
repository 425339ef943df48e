package org.imagelabeler.platform.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An OGC service plugged into the dispatcher: its descriptor, and how it reports exceptions
 * (WMS's ServiceExceptionReport, OWS's ExceptionReport...). Operations and response writers are
 * separate beans, so a plugin can add an operation or an output format to an existing service.
 */
public interface OwsService {

    ServiceDescriptor descriptor();

    /**
     * Writes {@code exception} in the service's format. {@code request} is what could be parsed
     * of the failed request: its version may be the negotiated one or null.
     */
    void writeException(OwsException exception, OwsRequest request, HttpServletResponse response) throws IOException;
}
