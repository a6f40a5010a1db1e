package org.lectern.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.lectern.platform.LecternProperties;
import org.lectern.platform.ApiError;
import org.lectern.platform.ApiErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's security: stateless, bearer tokens only, errors as JSON. It sits before the web
 * UI's chain (which the frontend configures) and only matches /api and /actuator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, JsonMapper json, LecternProperties props) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                // platform.web.SecurityHeaders writes these for every response, with the configurable frame ancestors
                .headers(h -> h.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable()))
                .addFilterBefore(new BearerTokenFilter(tokens, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").permitAll()
                        // The API's description and its interactive page are public: they name calls, never data.
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json.yaml", "/api/docs",
                                "/api/docs/**").permitAll()
                        // Probes stay open; the metrics name courses' activity, so they need the scrape token (or a site admin).
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(metricsAccess(props.metrics()))
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(json, res, HttpServletResponse.SC_UNAUTHORIZED,
                                new ApiError("unauthenticated", "Send 'Authorization: Bearer <token>'; get a token with POST /api/v1/tokens.")))
                        .accessDeniedHandler((req, res, ex) -> write(json, res, HttpServletResponse.SC_FORBIDDEN,
                                new ApiError("forbidden", "Your role does not allow this."))));
        return http.build();
    }

    /** The scrape token (LECTERN_METRICS_TOKEN) as a bearer token, compared in constant time, or a site admin's API token. */
    static AuthorizationManager<RequestAuthorizationContext> metricsAccess(LecternProperties.Metrics metrics) {
        byte[] expected = metrics.tokenSet() ? ("Bearer " + metrics.token().strip()).getBytes(StandardCharsets.UTF_8) : null;
        return (authentication, context) -> {
            String header = context.getRequest().getHeader("Authorization");
            boolean scraper = expected != null && header != null
                    && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8));
            Authentication a = authentication.get();
            boolean admin = a != null && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
            return new AuthorizationDecision(scraper || admin);
        };
    }

    private static void write(JsonMapper json, HttpServletResponse res, int status, ApiError error) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(res.getOutputStream(), error);
    }

    /**
     * Authenticates "Authorization: Bearer ..." against stored token hashes; anything else stays anonymous. A token
     * that cannot be looked up because the database is unreachable is a 503 to retry: thrown from here, before Spring
     * MVC's error handling, it became an error dispatch that answered API clients with a redirect to the sign-in page.
     */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BearerTokenFilter.class);
        private final ApiTokenService tokens;
        private final JsonMapper json;

        BearerTokenFilter(ApiTokenService tokens, JsonMapper json) {
            this.tokens = tokens;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                java.util.Optional<LecternPrincipal> resolved;
                try {
                    resolved = tokens.resolve(header.substring(7).strip());
                } catch (RuntimeException e) {
                    if (!ApiErrorHandler.databaseUnreachable(e)) {
                        throw e;
                    }
                    LOG.warn("Database unavailable checking a bearer token for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                    if (!request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
                        response.setHeader("Retry-After", ApiErrorHandler.RETRY_AFTER_SECONDS);
                        write(json, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ApiErrorHandler.DATABASE_UNAVAILABLE);
                        return;
                    }
                    // Probes and the metrics scrape (its own token, checked without the database) go on anonymously:
                    // an outage is when they are wanted.
                    resolved = java.util.Optional.empty();
                }
                resolved.ifPresent(principal -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(CurrentUser.authentication(principal));
                    SecurityContextHolder.setContext(context);
                });
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
