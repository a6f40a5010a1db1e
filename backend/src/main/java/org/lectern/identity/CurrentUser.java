package org.lectern.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: read from Spring Security's context, which both the web UI and the API fill. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<Caller> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof LecternPrincipal p) {
            return Optional.of(p.caller());
        }
        return Optional.empty();
    }

    public static Caller require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first."));
    }

    /** Runs work as the given account, e.g. the demo seeder acting as the demo instructor. */
    public static <T> T runAs(Account account, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(LecternPrincipal.of(account)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static Authentication authentication(LecternPrincipal principal) {
        var authorities = switch (principal.siteRole()) {
            case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"));
            case COURSE_CREATOR -> List.of(new SimpleGrantedAuthority("ROLE_USER"),
                    new SimpleGrantedAuthority("ROLE_COURSE_CREATOR"));
            case USER -> List.of(new SimpleGrantedAuthority("ROLE_USER"));
        };
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
