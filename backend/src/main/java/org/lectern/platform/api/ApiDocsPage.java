package org.lectern.platform.api;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.lectern.platform.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's interactive page, /api/docs: Swagger UI's own files from the webjar springdoc brings, served by Lectern
 * (nothing from another origin, under the site's Content-Security-Policy). Served here rather than by springdoc's
 * UI module because that one lives at /api/swagger-ui/**, where the API's JSON 404 for unknown paths answers first.
 * Only the named files are served.
 */
@Hidden
@RestController
@ConditionalOnWebApplication
class ApiDocsPage {

    private static final Map<String, MediaType> FILES = Map.of(
            "swagger-ui.css", MediaType.valueOf("text/css"),
            "swagger-ui-bundle.js", MediaType.valueOf("text/javascript"),
            "swagger-ui-standalone-preset.js", MediaType.valueOf("text/javascript"));

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>Lectern API</title>
              <link rel="stylesheet" href="/api/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/api/docs/swagger-ui-bundle.js"></script>
              <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
              <script src="/api/docs/lectern-docs.js"></script>
            </body>
            </html>
            """;

    /** No outside validator badge (validatorUrl none); calls carry the token typed into "Authorize". */
    private static final String INIT = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "/api/v1/openapi.json",
                dom_id: "#swagger-ui",
                deepLinking: true,
                validatorUrl: "none",
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "BaseLayout"
              });
            };
            """;

    /** The webjar's folder, from its Maven properties (one version on the class path). */
    private final String folder = webjarFolder();

    private static String webjarFolder() {
        try (InputStream in = ApiDocsPage.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return "META-INF/resources/webjars/swagger-ui/" + p.getProperty("version") + "/";
        } catch (IOException e) {
            return null;
        }
    }

    @GetMapping(value = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping("/api/docs/lectern-docs.js")
    ResponseEntity<String> init() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript")).body(INIT);
    }

    @GetMapping({"/api/docs/swagger-ui.css", "/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui-standalone-preset.js"})
    ResponseEntity<byte[]> file(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        String name = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        MediaType type = FILES.get(name);
        String path = type == null || folder == null ? null : folder + name;
        InputStream in = path == null ? null : ApiDocsPage.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new NotFoundException("Swagger UI's " + name + " is not in this build.");
        }
        try (in) {
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                    .body(in.readAllBytes());
        }
    }
}
