package org.lectern.platform.web;

import java.io.IOException;

/** Thrown while an API body is read past {@code lectern.web.max-api-body}; answered 413. */
public final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super(ApiBodyLimitFilter.message(limit));
    }
}
