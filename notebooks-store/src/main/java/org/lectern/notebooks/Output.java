package org.lectern.notebooks;

import java.util.Objects;

/**
 * One output of a code cell. {@code kind} is the nbformat output_type (stream, execute_result,
 * display_data, error); the other fields are null when the output has no such representation.
 * Images are base64 exactly as the notebook stores them, minus line breaks.
 */
public record Output(String kind, String text, String html, String pngBase64, String jpegBase64) {

    public Output {
        Objects.requireNonNull(kind, "kind");
    }
}
