package org.imagelabeler.platform.ows.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.imagelabeler.platform.ows.OwsException;
import org.imagelabeler.platform.ows.OwsExceptionReport;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.OwsService;
import org.imagelabeler.platform.ows.ServiceDescriptor;

/**
 * WFS 2.0.0 and 1.1.0 over the feature sources of vector layers. Exceptions are OWS exception
 * reports: OWS 1.1 for 2.0.0, OWS 1.0 for 1.1.0, as each version's schema says.
 */
public final class WfsService implements OwsService {

    public static final String ID = "WFS";

    static final Set<String> OPERATIONS = Set.of(
            "GetCapabilities",
            "DescribeFeatureType",
            "GetFeature",
            "GetPropertyValue",
            "ListStoredQueries",
            "DescribeStoredQueries",
            "Transaction");

    private static final ServiceDescriptor DESCRIPTOR =
            new ServiceDescriptor(ID, List.of("1.1.0", "2.0.0"), OPERATIONS);

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void writeException(OwsException e, OwsRequest request, HttpServletResponse response) throws IOException {
        WfsVersion version = WfsVersion.of(request.version());
        if (version.is200()) {
            OwsExceptionReport.write(e, OwsExceptionReport.OWS, "2.0.0", response);
        } else {
            OwsExceptionReport.write(e, OwsExceptionReport.OWS_1_0, "1.1.0", response);
        }
    }
}
