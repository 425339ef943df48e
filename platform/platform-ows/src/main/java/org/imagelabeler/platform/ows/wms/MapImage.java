package org.imagelabeler.platform.ows.wms;

import java.awt.image.BufferedImage;

/** A rendered map, the format it was asked in and how to encode it. */
public record MapImage(BufferedImage image, String format, MapEncoding encoding) {}
