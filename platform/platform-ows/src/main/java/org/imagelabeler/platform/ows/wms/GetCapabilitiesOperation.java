package org.imagelabeler.platform.ows.wms;

import org.imagelabeler.platform.ows.OwsOperation;
import org.imagelabeler.platform.ows.OwsRequest;

/** WMS GetCapabilities. */
final class GetCapabilitiesOperation implements OwsOperation {

    private final WmsCapabilities capabilities;

    GetCapabilitiesOperation(WmsCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public String service() {
        return WmsService.ID;
    }

    @Override
    public String name() {
        return "GetCapabilities";
    }

    @Override
    public Object execute(OwsRequest request) throws Exception {
        return capabilities.write(request);
    }
}
