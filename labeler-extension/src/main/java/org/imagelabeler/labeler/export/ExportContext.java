package org.imagelabeler.labeler.export;

import java.nio.file.Path;
import java.util.List;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.LabelClass;

/**
 * What a format writer works with: the event (its label schema gives class ids, in schema order
 * from 0), the export's options, the archive, and a work directory of its own that is deleted
 * when the export ends.
 */
public record ExportContext(Event event, ExportOptions options, ExportArchive archive, Path workDirectory) {

    public List<LabelClass> classes() {
        return event.labelSchema().classes();
    }

    /** The index of a class in the schema (COCO uses it + 1, YOLO and masks as is), or -1. */
    public int classIndex(String name) {
        List<LabelClass> classes = classes();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
