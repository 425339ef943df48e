package org.imagelabeler.platform.ows.wfs;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;

/** WFS GetCapabilities. */
final class GetCapabilitiesOperation implements OwsOperation {

    private final WfsCapabilities capabilities;

    GetCapabilitiesOperation(WfsCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public String service() {
        return WfsService.ID;
    }

    @Override
    public String name() {
        return "GetCapabilities";
    }

    @Override
    public Object execute(OwsRequest request) {
        return capabilities.document(request);
    }
}
