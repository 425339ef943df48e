package org.imagelabeler.labeler.export;

import java.io.IOException;

/**
 * One output format of a dataset export (COCO, YOLO, Shapefile, STAC...). An export opens a
 * writer per format and feeds every writer the same items in the same order: first the event's
 * map shapes, then each selected image with its labels; each writer puts its files in the one
 * archive. Writers keep memory flat: per-image files go into the archive at once, collections
 * that span images (a COCO file, a shapefile) grow in the export's work directory and go in at
 * {@link FormatWriter#finish()}.
 */
public interface DatasetFormat {

    /** The name clients ask for: {@code coco}, {@code yolo}, {@code shapefile}... */
    String id();

    FormatWriter open(ExportContext context) throws IOException;
}
