package org.imagelabeler.platform.ows;

import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * One operation of one service (WMS GetMap...): reads its parameters from the request and returns
 * a result object that a {@link ResponseWriter} encodes.
 */
public interface OwsOperation extends ExtensionPriority {

    String service();

    String name();

    Object execute(OwsRequest request) throws Exception;

    @Override
    default int getPriority() {
        return NORMAL;
    }
}
