package org.lectern.notebooks;

import java.util.Objects;

/**
 * One output of a code cell. {@code kind} is the nbformat output_type (stream, execute_result,
 * display_data, error); the other fields are null when the output has no such representation.
 * Images are base64 exactly as the notebook stores them, minus line breaks. {@code svg} is an image/svg+xml
 * output's text; {@code ansiText} is a stream's or traceback's text with its ANSI colour codes kept (for display),
 * where {@code text} has them removed; null when it has none.
 */
public record Output(String kind, String text, String html, String pngBase64, String jpegBase64, String svg,
                     String ansiText) {

    public Output {
        Objects.requireNonNull(kind, "kind");
    }

    public Output(String kind, String text, String html, String pngBase64, String jpegBase64) {
        this(kind, text, html, pngBase64, jpegBase64, null, null);
    }
}
