package org.imagelabeler.labeler.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dataset formats an export may ask for, by id. */
public final class DatasetFormats {

    private final Map<String, DatasetFormat> byId = new LinkedHashMap<>();

    public DatasetFormats(List<DatasetFormat> formats) {
        for (DatasetFormat f : formats) {
            if (byId.put(f.id(), f) != null) {
                throw new IllegalArgumentException("two dataset formats named " + f.id());
            }
        }
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public DatasetFormat get(String id) {
        DatasetFormat f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no dataset format " + id);
        }
        return f;
    }
}
