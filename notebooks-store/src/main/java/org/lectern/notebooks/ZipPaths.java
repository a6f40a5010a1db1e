package org.lectern.notebooks;

import java.util.ArrayList;
import java.util.List;

/** Validates zip entry names: a submission's files must stay inside it wherever they are later unpacked. */
final class ZipPaths {

    private ZipPaths() {}

    /** The name with "." and empty segments removed, or a rejection for anything that could point elsewhere. */
    static String normalise(String name) {
        boolean unsafe = name.startsWith("/")
                || name.indexOf('\\') >= 0
                || (name.length() >= 2 && name.charAt(1) == ':')   // Windows drive letter
                || name.chars().anyMatch(c -> c < 0x20);
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                unsafe = true;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (unsafe) {
            throw new SubmissionRejectedException("The zip entry \"" + name.replaceAll("\\p{Cntrl}", "?")
                    + "\" points outside the zip (path traversal). Zip your files with plain relative paths.");
        }
        return String.join("/", segments);
    }
}
