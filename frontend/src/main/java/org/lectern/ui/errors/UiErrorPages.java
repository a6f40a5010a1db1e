package org.lectern.ui.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Failures that never reach Vaadin's router, for a browser: the UI chain's access denied and Spring Boot's
 * HTML error page both send the browser to {@link ProblemView}, inside the app's frame. The REST API
 * ({@code /api/**}) and non-browser clients keep their JSON and status codes.
 */
@Component
public class UiErrorPages implements ErrorViewResolver, AccessDeniedHandler {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object path = model.get("path");
        String from = path == null ? "" : path.toString();
        if (from.startsWith("/api/") || from.startsWith("/actuator/")) {
            return null;
        }
        RedirectView redirect = new RedirectView(problem(status.value(), from), true);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        String accept = request.getHeader("Accept");
        // an error dispatch (Spring Boot's /error) refused by this chain: explain the original failure, not the refusal
        Object failedStatus = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE);
        Object failedUri = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        int status = failedStatus instanceof Integer code ? code : 403;
        String uri = failedUri instanceof String u ? u : request.getRequestURI();
        String from = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        if (!from.startsWith("/api/") && ("GET".equals(request.getMethod()) || failedStatus != null) && accept != null && accept.contains("text/html")) {
            response.sendRedirect(request.getContextPath() + problem(status, from));
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Your account is not allowed to do this.");
        }
    }

    private static String problem(int status, String from) {
        int shown = status == 400 || status == 403 || status == 404 ? status : 500;
        return "/problem/" + shown + "?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8);
    }
}
