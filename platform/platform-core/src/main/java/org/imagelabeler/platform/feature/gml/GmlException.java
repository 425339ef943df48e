package org.imagelabeler.platform.feature.gml;

/** GML that cannot be read as a geometry: says what is wrong and in which element. */
public class GmlException extends RuntimeException {

    public GmlException(String message) {
        super(message);
    }

    public GmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
