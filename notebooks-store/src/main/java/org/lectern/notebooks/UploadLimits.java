package org.lectern.notebooks;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an assignment accepts. Extensions are compared case-insensitively and include the dot (".py").
 * {@code maxTotalBytes} bounds both the upload and everything unpacked from it.
 */
public record UploadLimits(Set<String> allowedExtensions, long maxTotalBytes, int maxFiles) {

    public UploadLimits {
        allowedExtensions = allowedExtensions.stream()
                .map(extension -> extension.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (allowedExtensions.isEmpty() || allowedExtensions.stream().anyMatch(extension -> !extension.startsWith(".") || extension.length() < 2)) {
            throw new IllegalArgumentException("allowedExtensions must be non-empty, each like \".py\": " + allowedExtensions);
        }
        if (maxTotalBytes <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("maxTotalBytes and maxFiles must be positive");
        }
    }

    boolean allows(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return allowedExtensions.stream().anyMatch(lower::endsWith);
    }

    /** "Accepted file types: .ipynb, .py", sorted so the message is stable. */
    String describeAllowed() {
        return "Accepted file types: " + allowedExtensions.stream().sorted().collect(Collectors.joining(", "));
    }
}
