package org.lectern.platform;

/** The one error shape of the REST API: {"error": short code, "detail": a sentence for people}. */
public record ApiError(String error, String detail) {
}
