package org.imagelabeler.platform.tiles.cache;

import java.util.Locale;
import java.util.Optional;

/** The image formats tiles are cached in, with their file extension in the cache. */
public enum TileFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg");

    private final String mimeType;
    private final String extension;

    TileFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** {@code image/png}, {@code png}, {@code image/jpeg}, {@code jpg}... case-insensitive. */
    public static Optional<TileFormat> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        int semicolon = n.indexOf(';');
        if (semicolon > 0) {
            n = n.substring(0, semicolon).trim();
        }
        return switch (n) {
            case "image/png", "png" -> Optional.of(PNG);
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }
}
