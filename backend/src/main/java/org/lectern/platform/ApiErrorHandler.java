package org.lectern.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.lectern.platform.web.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a REST call to {@link ApiError} with the right status; never a stack trace. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return of(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return of(HttpStatus.NOT_FOUND, "not_found", "No such API endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e) {
        return of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return of(HttpStatus.BAD_REQUEST, "invalid_input", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return of(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ApiError> unavailable(UnavailableException e) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }

    /**
     * The database unreachable for a moment (restarted, failed over, connections cut): a 503 the client may retry, not
     * an "unexpected" 500. Whatever the request wrote is kept only if it committed; what a client must not lose (an
     * upload) is acknowledged only after its commit, so a retry is always safe.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    ResponseEntity<ApiError> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .body(DATABASE_UNAVAILABLE);
    }

    /** The answer to any API call that met the database unreachable, here and in the filters before Spring MVC. */
    public static final ApiError DATABASE_UNAVAILABLE = new ApiError("unavailable", "Lectern cannot reach its database for a"
            + " moment, so this request was not completed. Try again in a few seconds.");
    public static final String RETRY_AFTER_SECONDS = "5";

    /** Whether a failure is the database being unreachable for a moment (what {@link #DATABASE_UNAVAILABLE} answers). */
    public static boolean databaseUnreachable(Throwable e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException
                || e instanceof TransactionSystemException t && connectionLost(t);
    }

    /** A rollback or commit that failed because the connection was cut (PostgreSQL restarted mid-request). */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ApiError> transactionFailed(TransactionSystemException e, HttpServletRequest request) {
        return connectionLost(e) ? databaseUnavailable(e, request) : unexpected(e, request);
    }

    /**
     * SQLSTATE class 08 (connection exception) or 57P (the server shut down), anywhere in the causes; or Hikari's
     * "Connection is closed", which it throws (without a SQLSTATE) for any call on a connection it has already found
     * broken that way: a commit cut by the restart, then the rollback on that connection (a crash under load).
     */
    static boolean connectionLost(TransactionSystemException e) {
        for (Throwable t : new Throwable[] {e, e.getApplicationException()}) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof DataAccessResourceFailureException
                        || c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
                        || c instanceof java.sql.SQLException sql && sql.getSQLState() == null
                        && "Connection is closed".equals(sql.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", tooLarge.getMessage());
            }
        }
        return of(HttpStatus.BAD_REQUEST, "invalid_input", "The request body is not valid JSON of the expected shape.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return of(HttpStatus.BAD_REQUEST, "invalid_input", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(BodyTooLargeException e) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                "The upload is larger than the server takes (" + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() / (1024 * 1024) + " MB" : "its limit")
                        + " per request).");
    }

    /** A file upload sent as something else than multipart/form-data (MaxUploadSizeExceededException is one too, above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> notMultipart(MultipartException e) {
        return of(HttpStatus.BAD_REQUEST, "invalid_input", "This call takes a multipart/form-data upload.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; it has been logged.");
    }

    private static ResponseEntity<ApiError> of(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).body(new ApiError(error, detail));
    }
}
