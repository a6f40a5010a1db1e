package org.lectern.ui.plagiarism;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.lectern.plagiarism.PlagiarismService;
import org.lectern.platform.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * JPlag's own report viewer (JPlag 6's Vue app, GPL-3.0, built from JPlag's sources by frontend/jplag-viewer/build.sh),
 * served by Lectern at /jplag-viewer/ to signed-in people (JplagViewerSecurity), with the report of an assignment's
 * latest check at /jplag-viewer/reports/{id}.zip for its staff only (the service's role check; the page's session,
 * since the viewer's fetch carries cookies, not a bearer token). Nothing leaves Lectern: the viewer loads the report
 * from our origin, and the site's Content-Security-Policy stops its one outside call (GitHub's latest-release check).
 * Only the viewer's own files are served; everything else here is a 404, which the viewer needs: it probes
 * results.zip and files/overview.json beside itself and would open those instead of ours if they answered.
 */
@RestController
@ConditionalOnWebApplication
class JplagViewer {

    static final String BASE = "/jplag-viewer/";
    private static final String FOLDER = "jplag-viewer/";

    private static final Map<String, MediaType> TYPES = Map.of(
            "js", MediaType.valueOf("text/javascript"),
            "css", MediaType.valueOf("text/css"),
            "png", MediaType.IMAGE_PNG,
            "ico", MediaType.valueOf("image/x-icon"));

    /** The report of the assignment's latest check, opened in the viewer (the link on the plagiarism pages). */
    static String openUrl(long assignmentId) {
        return BASE + "open/" + assignmentId;
    }

    private final PlagiarismService plagiarism;

    JplagViewer(PlagiarismService plagiarism) {
        this.plagiarism = plagiarism;
    }

    /** The viewer's own pages: its start page and the routes its history-mode router shows (a reload lands here). */
    @GetMapping("/jplag-viewer")
    ResponseEntity<Void> base() {
        return ResponseEntity.status(302).header("Location", BASE).build(); // the viewer's router works under its base
    }

    @GetMapping(value = {"/jplag-viewer/", "/jplag-viewer/overview", "/jplag-viewer/info",
            "/jplag-viewer/comparison/{name}", "/jplag-viewer/cluster/{index}", "/jplag-viewer/error/**"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> page() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(read("index.html"));
    }

    /** Built file names carry their content's hash, so they can be kept a long time. */
    @GetMapping("/jplag-viewer/assets/{name:[A-Za-z0-9_-]+\\.(?:js|css|png)}")
    ResponseEntity<byte[]> asset(@PathVariable String name) throws IOException {
        return ResponseEntity.ok().contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate()).body(read("assets/" + name));
    }

    @GetMapping("/jplag-viewer/favicon.ico")
    ResponseEntity<byte[]> icon() throws IOException {
        return ResponseEntity.ok().contentType(TYPES.get("ico")).cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(read("favicon.ico"));
    }

    /** The licence JPlag's viewer is under (GPL-3.0), delivered with it. */
    @GetMapping("/jplag-viewer/LICENSE")
    ResponseEntity<byte[]> licence() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(read("LICENSE"));
    }

    /** Staff of the assignment's course only (students 403, others 404, no report yet 404). */
    @GetMapping("/jplag-viewer/reports/{assignmentId:[0-9]{1,18}}.zip")
    ResponseEntity<byte[]> report(@PathVariable long assignmentId) {
        byte[] zip = plagiarism.report(assignmentId);
        // The viewer reads the zip by its MIME type; no-store: it holds every student's code.
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/zip")).cacheControl(CacheControl.noStore()).body(zip);
    }

    /**
     * Opens the viewer on the report. The viewer takes only an absolute URL in ?file=, and the browser knows our origin
     * better than the server behind a proxy, so a small page builds it. The same role check as the report first, so a
     * student gets the refusal here rather than an empty viewer.
     */
    @GetMapping(value = "/jplag-viewer/open/{assignmentId:[0-9]{1,18}}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> open(@PathVariable long assignmentId) {
        plagiarism.report(assignmentId);
        String report = BASE + "reports/" + assignmentId + ".zip";
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>JPlag report viewer</title></head>
                <body><p>Opening JPlag's report viewer…</p>
                <script>location.replace('%s?file=' + encodeURIComponent(location.origin + '%s'));</script>
                </body></html>
                """.formatted(BASE, report);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(page);
    }

    /** Anything else under the viewer's base is not there (not the app's page, which would answer 200). */
    @GetMapping("/jplag-viewer/**")
    ResponseEntity<Void> nothingElse() {
        throw new NotFoundException("JPlag's report viewer has no such file.");
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = JplagViewer.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new NotFoundException("JPlag's report viewer has no " + name + " in this build.");
            }
            return in.readAllBytes();
        }
    }
}
