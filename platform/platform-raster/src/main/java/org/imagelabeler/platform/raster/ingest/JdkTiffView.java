package org.imagelabeler.platform.raster.ingest;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * The full-resolution image of a TIFF that Apache SIS cannot decode (JPEG tiles), read window by
 * window with the JDK's TIFF reader, which decodes JPEG-in-TIFF (but not BigTIFF).
 */
final class JdkTiffView extends TiledView implements AutoCloseable {

    private final ImageInputStream input;
    private final ImageReader reader;

    private JdkTiffView(ImageInputStream input, ImageReader reader, ImageTypeSpecifier type) throws IOException {
        super(reader.getWidth(0), reader.getHeight(0), type.getSampleModel(), type.getColorModel());
        this.input = input;
        this.reader = reader;
    }

    static JdkTiffView open(Path file) throws IOException {
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        reader.setInput(input, true, true);
        return new JdkTiffView(input, reader, reader.getImageTypes(0).next());
    }

    @Override
    protected synchronized void compute(WritableRaster tile, Rectangle area) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(area);
        try {
            BufferedImage window = reader.read(0, param);
            tile.setRect(area.x, area.y, window.getRaster());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + area + " of the TIFF", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
