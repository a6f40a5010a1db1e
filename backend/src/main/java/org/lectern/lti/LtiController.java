package org.lectern.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.identity.Account;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.LecternPrincipal;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The browser side of an LTI launch: /lti/login (step 1), /lti/launch (the id_token), /lti/resume (the
 * hand-off into a Lectern session), and what platforms read: /lti/jwks and /lti/config.json.
 */
@RestController
class LtiController {

    static final String STATE_COOKIE = "lectern_lti_state";

    private final LtiLaunchService launches;
    private final LtiKeys keys;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    LtiController(LtiLaunchService launches, LtiKeys keys) {
        this.launches = launches;
        this.keys = keys;
    }

    @RequestMapping(path = "/lti/login", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> login(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response) {
        var redirect = launches.login(params, base(request) + "/lti/launch");
        // Added to the servlet response: a Set-Cookie on the ResponseEntity would replace the session's cookie.
        response.addHeader(HttpHeaders.SET_COOKIE, stateCookie(redirect.state(), request.isSecure()).toString());
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect.location()).build();
    }

    /**
     * The state cookie binds the launch to this browser. Inside an LMS iframe only SameSite=None; Secure
     * cookies come back, which needs https; on plain http (localhost, tests) Lax works because the LMS
     * and Lectern are then the same site.
     */
    static ResponseCookie stateCookie(String value, boolean secure) {
        return ResponseCookie.from(STATE_COOKIE, value).path("/lti/").httpOnly(true).secure(secure).sameSite(secure ? "None" : "Lax")
                .maxAge(LtiLaunchService.STATE_LIFETIME).build();
    }

    @RequestMapping(path = "/lti/launch", method = RequestMethod.POST)
    ResponseEntity<String> launch(@RequestParam(name = "id_token", required = false) String idToken,
                                  @RequestParam(required = false) String state, HttpServletRequest request, HttpServletResponse response) {
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (STATE_COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        var launched = launches.launch(idToken, state, cookie);
        signIn(launched.accountId(), request, response);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(STATE_COOKIE, "").path("/lti/").maxAge(Duration.ZERO).build().toString());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/lti/resume?h=" + launched.handoff())).build();
    }

    /**
     * After the launch: if the session cookie came back, on to the item. If the browser blocked it inside
     * the LMS frame, a page with a button opening the same hand-off in a new tab, where it signs in.
     */
    @GetMapping("/lti/resume")
    ResponseEntity<String> resume(@RequestParam("h") String handoff, @RequestParam(name = "tab", required = false) String tab,
                                  HttpServletRequest request, HttpServletResponse response) {
        var signedIn = CurrentUser.find();
        if (signedIn.isEmpty() && tab == null) {
            String href = "/lti/resume?h=" + Html.esc(handoff) + "&amp;tab=1";
            return html(HttpStatus.OK, Html.page("Open Lectern in a new tab",
                    "<p class=\"problem\" id=\"cookies-blocked\">Your browser does not let Lectern keep you signed in inside the LMS "
                            + "(it blocks cookies in embedded pages).</p><p><a class=\"button\" id=\"open-new-tab\" target=\"_blank\" "
                            + "rel=\"noopener\" href=\"" + href + "\">Open in a new tab</a></p>"));
        }
        var h = launches.redeem(handoff).orElse(null);
        if (h == null) {
            return refused("This link was already used or has expired; open Lectern from the LMS again.");
        }
        if (signedIn.isEmpty() || signedIn.get().accountId() != h.accountId()) {
            signIn(h.accountId(), request, response);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(h.target())).build();
    }

    private void signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
        Account account = launches.account(accountId).orElseThrow();
        // The same authentication the sign-in form makes (CurrentUser builds it), kept in the HTTP session.
        Authentication auth = CurrentUser.runAs(account, () -> SecurityContextHolder.getContext().getAuthentication());
        if (!(auth.getPrincipal() instanceof LecternPrincipal)) {
            throw new IllegalStateException("unexpected principal");
        }
        request.getSession(true);
        request.changeSessionId(); // a new id at sign-in: no session fixation
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    @GetMapping(path = "/lti/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.publicSet().toJSONObject(true);
    }

    /** The Canvas developer key "Paste JSON" configuration. */
    @GetMapping(path = "/lti/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> canvasConfig(HttpServletRequest request) {
        String base = base(request);
        String launch = base + "/lti/launch";
        var placements = new ArrayList<Map<String, Object>>();
        for (String p : new String[] {"link_selection", "assignment_selection"}) {
            placements.add(Map.of("placement", p, "message_type", LaunchRules.DEEP_LINKING_REQUEST, "target_link_uri", launch,
                    "text", "Lectern"));
        }
        placements.add(Map.of("placement", "course_navigation", "message_type", LaunchRules.RESOURCE_LINK_REQUEST, "target_link_uri", launch,
                "text", "Lectern"));
        Map<String, Object> settings = Map.of("text", "Lectern", "placements", placements);
        Map<String, Object> canvas = new HashMap<>();
        canvas.put("platform", "canvas.instructure.com");
        canvas.put("domain", URI.create(base).getHost());
        canvas.put("tool_id", "lectern");
        canvas.put("privacy_level", "public");
        canvas.put("settings", settings);
        Map<String, Object> config = new HashMap<>();
        config.put("title", "Lectern");
        config.put("description", "Deep-learning course platform: assignments, quizzes, exercises and the training playground.");
        config.put("oidc_initiation_url", base + "/lti/login");
        config.put("target_link_uri", launch);
        config.put("public_jwk_url", base + "/lti/jwks");
        config.put("scopes", List.of(LtiGrades.SCOPE_LINEITEM, LtiGrades.SCOPE_LINEITEM_READONLY, LtiGrades.SCOPE_RESULT_READONLY,
                LtiGrades.SCOPE_SCORE, LtiRoster.SCOPE));
        // Canvas's user and assignment ids come back in every launch's custom claim: the grade export's ID and Name (id).
        config.put("custom_fields", Map.of("canvas_course_id", "$Canvas.course.id", "canvas_user_login_id", "$Canvas.user.loginId",
                "canvas_user_id", "$Canvas.user.id", "canvas_assignment_id", "$Canvas.assignment.id"));
        config.put("extensions", List.of(canvas));
        return config;
    }

    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }

    @ExceptionHandler({LaunchRefused.class, ForbiddenException.class, InvalidInputException.class})
    ResponseEntity<String> refused(RuntimeException e) {
        return refused(e.getMessage());
    }

    static ResponseEntity<String> refused(String message) {
        return html(HttpStatus.FORBIDDEN, Html.page("Lectern could not open this", "<p class=\"problem\" id=\"lti-problem\">"
                + Html.esc(message) + "</p>"));
    }

    static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
