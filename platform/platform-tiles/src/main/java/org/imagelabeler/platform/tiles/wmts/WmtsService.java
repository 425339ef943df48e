package org.imagelabeler.platform.tiles.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsExceptionReport;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.OwsService;
import org.imagelabeler.platform.ows.ServiceDescriptor;

/** WMTS 1.0.0 in the OWS dispatcher; exceptions are OWS 1.1 exception reports. */
public final class WmtsService implements OwsService {

    public static final String ID = "WMTS";
    static final String OWS = OwsExceptionReport.OWS;

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
        OwsExceptionReport.write(e, "1.1.0", response);
    }
}
