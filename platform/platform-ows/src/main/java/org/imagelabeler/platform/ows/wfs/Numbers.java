package org.imagelabeler.platform.ows.wfs;

/** Coordinates as text: integers without a fraction, others as Java writes a double exactly. */
final class Numbers {

    private Numbers() {}

    static StringBuilder append(StringBuilder out, double v) {
        long whole = (long) v;
        if (whole == v && Math.abs(v) < 1e15) {
            return out.append(whole);
        }
        return out.append(v);
    }
}
