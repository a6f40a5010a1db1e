package org.lectern.notebooks;

/** One accepted file: its path inside the submission ("/"-separated, relative), bytes and SHA-256 in hex. */
public record SubmittedFile(String path, byte[] content, String sha256) {}
