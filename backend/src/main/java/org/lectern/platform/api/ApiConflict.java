package org.lectern.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The 409 an API operation may answer, in words, for its OpenAPI description ({@link ApiContract}). Its own
 * annotation rather than springdoc's {@code @ApiResponse}: that one would replace the generated success answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiConflict {
    /** When the operation answers 409. */
    String value();
}
