package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every Vaadin route (read from the route rows of the authorization matrix, so a new route is covered as soon as it
 * has its row) as every kind of caller, at a desktop's 1400×900 and a phone's 390×844. A page fails when it scrolls
 * sideways (something wider than the window outside a deliberate inner scroller), when it shows an error outside the
 * app's frame (blank, Vaadin's raw "Could not navigate", a whitelabel page, the browser's own error), or when a visible
 * form field has no accessible label. Each page is saved as a PNG under target/every-page/.
 */
@ExtendWith(LecternServer.class)
class EveryPageIT {

    static final Path MATRIX = Path.of("..", "backend", "src", "test", "resources", "authorization-matrix.psv");
    static final Path SHOTS = Path.of("target", "every-page");
    /** Routes drawn without the app's layout on purpose (the sign-in and account-activation pages). */
    static final List<String> OWN_FRAME = List.of("login", "activate/:token", "forgot-password", "reset-password/:token");

    private static Browser browser;
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void fixtures() throws Exception {
        browser = Browser.sized(1400, 900);
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String course = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        ids.put("courseId", course);
        // Each id is the demo's own item, picked by what it is (never "the first in the list"), so pages are the same
        // whichever tests ran before and whatever polls, quizzes or papers they added.
        String polls = instructor.get("/api/v1/courses/" + course + "/polls");
        String demoPoll = object(polls, "convolution with 64 filters over 64 input channels");
        ids.put("pollId", Api.field(demoPoll, "id"));
        ids.put("code", Api.field(demoPoll, "code"));
        ids.put("exerciseId", Api.field(object(instructor.get("/api/v1/courses/" + course + "/exercises"), "\"shortName\":\"EX-knn\""), "id"));
        ids.put("liveModelId", Api.field(object(instructor.get("/api/v1/courses/" + course + "/live-models"), "\"shortName\":\"LIVE-digits\""), "id"));
        ids.put("quizId", Api.field(object(instructor.get("/api/v1/courses/" + course + "/quizzes"), "\"shortName\":\"Quiz1\""), "id"));
        ids.put("paperId", Api.field(object(instructor.get("/api/v1/courses/" + course + "/papers"), "\"shortName\":\"R1\""), "id"));
        String due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String assignment = instructor.postJson("/api/v1/courses/" + course + "/assignments", """
                {"shortName": "PAGES", "title": "Every page: a long assignment title that a grid column should show whole",
                 "releaseAt": "2024-01-01T00:00:00Z", "dueAt": "%s", "points": 10, "category": "Assignments"}""".replace("%s", due));
        String assignmentId = Api.field(assignment, "id");
        ids.put("assignmentId", assignmentId);
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String post = student.postJson("/api/v1/courses/" + course + "/posts", """
                {"title": "Where do I find the slides?", "body": "Asked by the every-page test."}""");
        ids.put("postId", Api.field(post, "id"));
        // A real submission (the signed-in student's own, so every role has something to see or be refused) and a real
        // plagiarism pair: two students' two-layer nets, one a disguised copy of the other, checked on the pool.
        Api ta = new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        String receipt = ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions",
                Map.of("two_layer_net.py", PlagiarismIT.fixture("alice.py")), Map.of("student", "student1@demo.lectern", "reason", "every page"));
        ids.put("submissionId", Api.field(receipt, "submissionId"));
        ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions",
                Map.of("two_layer_net.py", PlagiarismIT.fixture("dana.py")), Map.of("student", "student2@demo.lectern", "reason", "every page"));
        ta.postJson("/api/v1/assignments/" + assignmentId + "/plagiarism-checks", "{}");
        Matcher pair = Pattern.compile("\"pairs\":\\[\\{\"id\":(\\d+)").matcher("");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            try {
                return pair.reset(ta.get("/api/v1/assignments/" + assignmentId + "/plagiarism")).find();
            } catch (Exception e) {
                return false;
            }
        });
        ids.put("pairId", pair.group(1));
        ids.put("teamId", "999999"); // no team in the demo: the page's framed not-found state is checked
        ids.put("sessionId", "999999"); // poster sessions: the not-found page
        ids.put("questionId", "999999");
        ids.put("token", "not-an-invitation");
        ids.put("status", "404");
        Files.createDirectories(SHOTS);
    }

    /** The one object of a JSON list that contains {@code marker} (from its opening brace to the next closing one). */
    static String object(String json, String marker) {
        int at = json.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("No " + marker + " in " + json);
        }
        return json.substring(json.lastIndexOf('{', at), json.indexOf('}', at) + 1);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    record Route(String pattern) {
        String url(Map<String, String> ids) {
            Matcher m = Pattern.compile(":([A-Za-z]+)(\\([^/]*\\))?").matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                if (name.equals("exerciseId") && pattern.contains("live-models")) {
                    name = "liveModelId";
                }
                String value = ids.get(name);
                if (value == null) {
                    throw new IllegalStateException("No value for :" + name + " in route " + pattern + ": add one to the fixtures");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return "/" + out;
        }

        String slug() {
            String s = pattern.replaceAll("\\([^)]*\\)", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
            return s.isEmpty() ? "home" : s;
        }
    }

    static List<Route> routes() throws Exception {
        List<Route> routes = new ArrayList<>();
        for (String line : Files.readAllLines(MATRIX)) {
            if (line.startsWith("ROUTE|")) {
                routes.add(new Route(line.split("\\|", -1)[1]));
            }
        }
        assertThat(routes).as("route rows in " + MATRIX).hasSizeGreaterThan(20);
        return routes;
    }

    @Test
    void everyRouteAsEveryRoleFitsTheWindowStaysInTheFrameAndLabelsItsFields() throws Exception {
        List<Route> routes = routes();
        List<String> problems = new ArrayList<>();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("anonymous", null);
        roles.put("student", "student1@demo.lectern");
        roles.put("ta", "ta@demo.lectern");
        roles.put("instructor", "instructor@demo.lectern");
        roles.put("admin", "admin@demo.lectern");
        for (var role : roles.entrySet()) {
            browser.driver().manage().deleteAllCookies();
            browser.driver().manage().window().setSize(new Dimension(1400, 900));
            if (role.getValue() != null) {
                browser.signIn(role.getValue(), LecternServer.DEMO_PASSWORD);
            }
            for (Route route : routes) {
                String url = route.url(ids);
                browser.driver().manage().window().setSize(new Dimension(1400, 900));
                browser.open(url);
                settle();
                check(problems, role.getKey(), "1400x900", route, url);
                browser.driver().manage().window().setSize(new Dimension(390, 844));
                settle();
                check(problems, role.getKey(), "390x844", route, url);
            }
        }
        assertThat(problems).as("pages that overflow, leave the frame or have unlabelled fields (screenshots in " + SHOTS + ")")
                .isEmpty();
    }

    /** Waits until the page has loaded, Vaadin has no request in flight, and something is drawn (or 15 s pass: then it is blank). */
    private static void settle() {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.script(SETTLED)));
        } catch (TimeoutException e) {
            // judged as it stands: a page that never draws anything is reported as blank below
        }
        browser.script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));");
    }

    private static final String SETTLED = """
            if (document.readyState !== 'complete' || !document.body) return false;
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            if (clients && Object.values(clients).some(c => c.isActive && c.isActive())) return false;
            // a Vaadin page has drawn its view (not just the loading indicator); anything else has some text
            if (clients && Object.keys(clients).length > 0) return !!document.querySelector('vaadin-app-layout, vaadin-login-form, vaadin-vertical-layout');
            return document.body.innerText.trim().length > 0;""";

    private static void check(List<String> problems, String role, String size, Route route, String url) {
        String where = role + " " + size + " " + url + ": ";
        boolean ownFrame = OWN_FRAME.contains(route.pattern());
        Object frame = browser.script(FRAME, ownFrame);
        if (frame != null) {
            problems.add(where + frame);
        }
        Object overflow = browser.script(OVERFLOW);
        if (overflow != null) {
            problems.add(where + "wider than the window: " + overflow);
        }
        Object labels = browser.script(LABELS);
        if (labels != null) {
            problems.add(where + "fields without a label: " + labels);
        }
        browser.screenshotTo(SHOTS.resolve(role + "-" + size + "-" + route.slug() + ".png"));
    }

    /** Null when the page is inside the app's frame (or the sign-in page), else what it shows instead. */
    static final String FRAME = """
            const ownFrame = arguments[0];
            if (location.protocol === 'chrome-error:') return "the browser's own error page";
            const text = document.body ? document.body.innerText.trim() : '';
            if (/Whitelabel Error Page/.test(text)) return 'a whitelabel error page';
            if (/Could not navigate to/.test(text)) return "Vaadin's raw 'Could not navigate to'";
            if (/There was an exception while trying to navigate/.test(text)) return "Vaadin's raw exception page";
            if (/Internal error|Session expired/.test(text) && !document.querySelector('vaadin-app-layout')) return 'a Vaadin system error';
            if (!ownFrame && !document.querySelector('vaadin-app-layout, vaadin-login-form')) return 'a page outside the app frame: ' + text.substring(0, 80);
            if (text.length === 0) return 'a blank page';
            return null;""";

    /** Null when nothing reaches past the window's right edge, except inside an element that scrolls or clips on purpose. */
    static final String OVERFLOW = """
            const W = document.documentElement.clientWidth;
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            const contained = el => {
              // slotted into a component that itself fits: the component's shadow parts clip it (a long field label)
              if (el.assignedSlot && el.parentElement && el.parentElement.getBoundingClientRect().right <= W + 1) return true;
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
                if (a.tagName === 'VAADIN-GRID' || a.tagName === 'VAADIN-SCROLLER') return true;
              }
              return false;
            };
            const out = [];
            if (document.documentElement.scrollWidth > W + 1) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide in ' + W);
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= W + 1) continue;
              if (getComputedStyle(el).visibility === 'hidden' || contained(el)) continue;
              out.push(describe(el) + ' reaches ' + Math.round(r.right) + ' px');
              if (out.length >= 4) break;
            }
            return out.length ? out.join('; ') : null;""";

    /** Null when every visible input, text area and select has an accessible name (aria-label(ledby), label, title). */
    static final String LABELS = """
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
            const out = [];
            for (const el of document.querySelectorAll('input, textarea, select')) {
              if (el.type === 'hidden' || el.type === 'file') continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
              let name = (el.getAttribute('aria-label') || '').trim();
              const by = el.getAttribute('aria-labelledby');
              if (!name && by) name = by.split(/\\s+/).map(id => { const l = document.getElementById(id); return l ? l.textContent.trim() : ''; }).join(' ').trim();
              if (!name && el.id) { const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]'); if (l) name = l.textContent.trim(); }
              if (!name) { const l = el.closest('label'); if (l) name = l.textContent.trim(); }
              if (!name) name = (el.getAttribute('title') || '').trim();
              if (!name) {
                const host = el.closest('[id]');
                out.push(describe(el) + (host && host !== el ? ' in ' + describe(host) : ''));
              }
            }
            return out.length ? out.join(', ') : null;""";
}
