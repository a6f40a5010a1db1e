package org.lectern.qa;

/** An uploaded image's bytes and its checked type. */
public record QaImage(long id, String contentType, byte[] content) {
}
