package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The Vaadin half of the authorization matrix ({@code backend/src/test/resources/authorization-matrix.psv}, rows
 * {@code ROUTE}). Vaadin decides who may open a route with its navigation access control, which reads the route
 * class's annotation ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}, none = denied) before
 * any view code runs; an HTTP GET cannot show that decision (every route answers the same bootstrap page and the
 * navigation happens in the UI). So this test reads the annotations of every {@code @Route} and {@code @RouteAlias}
 * class, derives what each kind of caller gets, and compares with the table; it fails when a route has no row, a
 * row names no route, or a cell disagrees. What a member may do inside a course page is decided by the services'
 * {@code CourseAccess} checks, which the REST rows exercise over HTTP; the e2e SecurityIT opens a sample of routes
 * in a real browser (anonymous → sign-in, a student → no admin page).
 */
class RouteAccessMatrixTest {

    static final Path TABLE = Path.of("..", "backend", "src", "test", "resources", "authorization-matrix.psv");
    static final List<String> ROLES = List.of("anonymous", "student", "owner", "outsider", "ta", "instructor", "admin");

    /** The cells an annotation gives: the site role ADMIN is the only role routes name. */
    static List<String> cells(Class<?> view) {
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            return List.of("ok", "ok", "-", "ok", "ok", "ok", "ok");
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return List.of("login", "ok", "-", "ok", "ok", "ok", "ok");
        }
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        if (roles != null && !view.isAnnotationPresent(DenyAll.class)) {
            boolean admin = Arrays.asList(roles.value()).contains("ADMIN");
            return List.of("login", "403", "-", "403", "403", "403", admin ? "ok" : "403");
        }
        return List.of("login", "403", "-", "403", "403", "403", "403");
    }

    static Map<String, List<String>> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(RouteAlias.class));
        Map<String, List<String>> out = new TreeMap<>();
        for (var bean : scanner.findCandidateComponents("org.lectern")) {
            Class<?> view = Class.forName(bean.getBeanClassName());
            List<String> paths = new ArrayList<>();
            Route route = view.getAnnotation(Route.class);
            if (route != null) {
                paths.add(route.value());
            }
            Arrays.stream(view.getAnnotationsByType(RouteAlias.class)).forEach(a -> paths.add(a.value()));
            paths.forEach(p -> out.put(p, cells(view)));
        }
        return out;
    }

    static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("ROUTE|")) {
                String[] f = line.split("\\|", -1);
                out.put(f[1].strip(), Arrays.stream(f, 2, 9).map(String::strip).toList());
            }
        }
        return out;
    }

    @Test
    void everyRouteIsInTheTableWithTheAccessItsAnnotationGives() throws Exception {
        Map<String, List<String>> routes = routes();
        Map<String, List<String>> table = table();
        StringBuilder b = new StringBuilder();
        routes.forEach((path, cells) -> {
            if (!table.containsKey(path)) {
                b.append("Route without a row (add it to ").append(TABLE).append("):\nROUTE|").append(path).append('|')
                        .append(String.join("|", cells)).append("|\n");
            } else if (!table.get(path).equals(cells)) {
                b.append("Route ").append(path).append(": the table says ").append(table.get(path)).append(" for ").append(ROLES)
                        .append(", its annotation gives ").append(cells).append('\n');
            }
        });
        table.keySet().stream().filter(p -> !routes.containsKey(p))
                .forEach(p -> b.append("Row for a route that no longer exists (remove it): ROUTE|").append(p).append('\n'));
        assertThat(b.toString()).as("authorization matrix vs. Vaadin routes").isEmpty();
        assertThat(routes).hasSizeGreaterThan(20);
    }
}
