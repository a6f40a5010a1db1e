package org.lectern.identity;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.lectern.platform.ApiError;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/tokens: e-mail and password in, bearer token out; GET lists the caller's tokens,
 * DELETE /{id} revokes one of them; POST /me/password changes the password (ending every token).
 */
@RestController
@RequestMapping("/api/v1")
class TokenController {

    record TokenRequest(String email, String password, String name) {
    }

    record TokenResponse(String token, long id, String name, Instant expiresAt) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Me(long id, String email, String name, SiteRole siteRole) {
    }

    private final ApiTokenService tokens;
    private final AccountService accounts;

    TokenController(ApiTokenService tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Operation(summary = "Sign in with e-mail and password and get an API token")
    @PostMapping("/tokens")
    ResponseEntity<TokenResponse> create(@RequestBody TokenRequest request, HttpServletRequest http) {
        if (request == null || request.email() == null || request.password() == null) {
            throw new BadCredentialsException("Send JSON {\"email\": ..., \"password\": ..., \"name\": ...}.");
        }
        // The servlet's remote address: the proxy's X-Forwarded-For only when server.forward-headers-strategy trusts it.
        var t = tokens.issue(request.email(), request.password(), request.name(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenResponse(t.secret(), t.token().id(), t.token().name(), t.token().expiresAt()));
    }

    @Operation(summary = "The caller's API tokens")
    @GetMapping("/tokens")
    List<ApiTokenService.ApiToken> mine() {
        return tokens.mine();
    }

    @Operation(summary = "Revoke one of the caller's API tokens")
    @DeleteMapping("/tokens/{id:\\d+}")
    ResponseEntity<Void> revokeOne(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change the caller's password (ends every token)")
    @PostMapping("/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, HttpServletRequest http) {
        if (change == null) {
            throw new InvalidInputException("Send JSON {\"currentPassword\": ..., \"newPassword\": ...}.");
        }
        accounts.changePassword(change.currentPassword(), change.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** Revokes the token this request carries. */
    @Operation(summary = "Revoke the token this request carries")
    @DeleteMapping("/tokens/current")
    ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The signed-in account")
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
