package org.lectern.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Writes {@link SecurityHeaders} on every response, before anything else runs (errors and 401s included). */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final FrameAncestors headers;

    SecurityHeadersFilter(FrameAncestors headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.headers().forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
