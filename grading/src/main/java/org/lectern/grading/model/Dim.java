package org.lectern.grading.model;

/**
 * One dimension of a tensor shape as an ONNX file declares it: a fixed size, a named symbolic size
 * ({@code "N"}, {@code "batch"}), or nothing at all.
 *
 * @param value the size, or -1 when it is not fixed
 * @param param the symbolic name, or null
 */
public record Dim(long value, String param) {

    public static Dim of(long value) {
        return new Dim(value, null);
    }

    public static Dim symbolic(String param) {
        return new Dim(-1, param);
    }

    public static final Dim UNKNOWN = new Dim(-1, null);

    public boolean isFixed() {
        return value >= 0;
    }

    /** "8", "N", or "?" for a dimension with neither a size nor a name. */
    @Override
    public String toString() {
        if (isFixed()) {
            return Long.toString(value);
        }
        return param == null || param.isEmpty() ? "?" : param;
    }
}
