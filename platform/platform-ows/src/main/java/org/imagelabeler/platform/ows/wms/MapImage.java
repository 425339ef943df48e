package org.imagelabeler.platform.ows.wms;

import java.awt.image.BufferedImage;

/** A rendered map and the format it was asked in. */
public record MapImage(BufferedImage image, String format) {}
