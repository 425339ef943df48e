package org.imagelabeler.platform.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;

/**
 * Streams an upload to a new file under a size limit, never holding it in memory; over the
 * limit, 413 with the limit in the message. The caller removes the file when it refuses it.
 */
public final class UploadStream {

    private UploadStream() {}

    /** @param digest updated with every byte, or null */
    public static long copy(InputStream in, Path target, long maxBytes, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out =
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiProblem(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "file",
                            "the upload exceeds the limit of " + maxBytes + " bytes");
                }
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
