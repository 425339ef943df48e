package org.imagelabeler.platform.security;

/** What a subject wants to do with a resource; the letters are those of GeoServer's layer rules. */
public enum AccessMode {
    READ("r"),
    WRITE("w"),
    ADMIN("a");

    private final String letter;

    AccessMode(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }

    public static AccessMode ofLetter(String letter) {
        for (AccessMode m : values()) {
            if (m.letter.equals(letter)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown access mode '" + letter + "': expected r, w or a");
    }
}
