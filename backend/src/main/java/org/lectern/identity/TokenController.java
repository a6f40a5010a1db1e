package org.lectern.identity;

import org.lectern.platform.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/tokens: e-mail and password in, bearer token out. */
@RestController
@RequestMapping("/api/v1")
class TokenController {

    record TokenRequest(String email, String password) {
    }

    record TokenResponse(String token) {
    }

    record Me(long id, String email, String name, SiteRole siteRole) {
    }

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/tokens")
    ResponseEntity<TokenResponse> create(@RequestBody TokenRequest request) {
        if (request == null || request.email() == null || request.password() == null) {
            throw new BadCredentialsException("Send JSON {\"email\": ..., \"password\": ...}.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(tokens.issue(request.email(), request.password())));
    }

    /** Revokes the token this request carries. */
    @DeleteMapping("/tokens/current")
    ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Me me() {
        Caller c = CurrentUser.require();
        return new Me(c.accountId(), c.email(), c.displayName(), c.siteRole());
    }

    @ExceptionHandler(SignInLockedException.class)
    ResponseEntity<ApiError> locked(SignInLockedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(new ApiError("too_many_attempts", e.getMessage()));
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ApiError> bad(BadCredentialsException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError("bad_credentials", e.getMessage()));
    }
}
