package org.lectern.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any /api request no controller answers gets a JSON error: 415 or 406 when the path and method exist but the body's
 * type or the Accept header does not fit (Spring lands those here too), 405 when the path exists under another
 * method, else 404. Without this the request would fall through to the web UI, which answers every
 * unknown path with its HTML shell and status 200.
 */
@Hidden // not an operation: the JSON 404/405 for every path no controller serves
@RestController
@ConditionalOnWebApplication
class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> unknown(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        Set<String> allowed = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType() == ApiFallbackController.class || info.getPathPatternsCondition() == null) {
                return;
            }
            boolean matches = info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path));
            if (matches) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
                if (info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(request.getMethod()))) {
                    info.getProducesCondition().getProducibleMediaTypes().forEach(t -> produces.add(t.toString()));
                    info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
                }
            }
        });
        if (allowed.contains(request.getMethod())) {
            // Path and method exist: what did not match is the body's type or the answer the client accepts.
            if (!consumes.isEmpty() && !sendsOneOf(request.getContentType(), consumes)) {
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON).body(new ApiError("unsupported_media_type",
                        "Send the body as " + String.join(" or ", consumes) + " (Content-Type)."));
            }
            // Always JSON, whatever Accept asked for: set here, so Spring does not negotiate the error body away.
            return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON).body(new ApiError("not_acceptable",
                    "This answers " + (produces.isEmpty() ? "application/json" : String.join(" or ", produces))
                            + "; ask for that with the Accept header, or leave Accept out."));
        }
        if (!allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                    .body(new ApiError("method_not_allowed", request.getMethod() + " is not supported here; use " + String.join(" or ", allowed) + "."));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_found", "No such API endpoint: " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static boolean sendsOneOf(String contentType, Set<String> consumes) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType sent = MediaType.parseMediaType(contentType);
            return consumes.stream().map(MediaType::parseMediaType).anyMatch(c -> c.includes(sent));
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException: a malformed Content-Type fits nothing
            return false;
        }
    }
}
