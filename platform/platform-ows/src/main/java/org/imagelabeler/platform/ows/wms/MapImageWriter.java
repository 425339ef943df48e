package org.imagelabeler.platform.ows.wms;

import com.pngencoder.PngEncoder;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.imagelabeler.platform.ows.OwsRequest;
import org.imagelabeler.platform.ows.ResponseWriter;

/**
 * Encodes maps as PNG (pngencoder: several times faster than the JDK's encoder) or JPEG (the
 * JDK's), as {@link MapEncoding} says. The body is encoded first, so that its length is known and an encoding
 * failure can still become an exception report.
 */
public class MapImageWriter implements ResponseWriter {

    @Override
    public boolean canWrite(Object result) {
        return result instanceof MapImage;
    }

    @Override
    public void write(Object result, OwsRequest request, HttpServletResponse response) throws IOException {
        MapImage map = (MapImage) result;
        byte[] body = encode(map.image(), map.format(), map.encoding());
        response.setContentType(map.format());
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    public static byte[] encode(BufferedImage image, String format, MapEncoding encoding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (format.equals(GetMapRequest.JPEG)) {
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_INT_RGB) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                var g = rgb.createGraphics();
                g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(encoding.jpegQuality());
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
        } else {
            new PngEncoder()
                    .withBufferedImage(image)
                    .withCompressionLevel(encoding.pngCompression())
                    .withPredictorEncoding(true)
                    .withMultiThreadedCompressionEnabled(false)
                    .toStream(out);
        }
        return out.toByteArray();
    }
}
