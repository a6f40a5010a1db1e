package org.lectern.submission;

/** A file of a submission as stored. */
public record StoredFile(String path, byte[] content) {
}
