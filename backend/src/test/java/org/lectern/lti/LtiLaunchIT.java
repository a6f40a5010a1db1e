package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.People.as;

import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.RestCalls;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.SiteRole;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** LTI 1.3 launches end to end against a platform simulator on localhost, over real HTTP and the real database. */
@BackendTest
class LtiLaunchIT {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String TA = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    static final String INSTITUTION_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    @LocalServerPort int port;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AccountService accounts;
    @Autowired AssignmentService assignments;
    @Autowired ScheduleService schedule;

    PlatformSimulator lms;
    RestCalls rest;
    Account admin;
    Account teacher;
    long courseId;

    @BeforeEach
    void registerPlatform() throws Exception {
        rest = new RestCalls(port);
        lms = new PlatformSimulator("http://localhost:" + port);
        admin = people.make("admin", SiteRole.ADMIN);
        var r = rest.send("POST", "/api/v1/lti/platforms", rest.token(admin), "application/json", lms.registration());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        teacher = people.instructor();
        courseId = as(teacher, () -> courses.create(new CourseDraft("LTI" + teacher.id(), "Deep Learning", "Winter 2024",
                "America/Los_Angeles")).id());
        lms.next.contextId = "ctx-" + teacher.id();
    }

    @AfterEach
    void stop() {
        lms.close();
    }

    LmsBrowser browser() {
        return new LmsBrowser("http://localhost:" + port);
    }

    /** The instructor launches once (matched to their Lectern account by e-mail) and connects the LMS course to theirs. */
    void connectCourse() throws Exception {
        lms.next.sub = "teacher-" + teacher.id();
        lms.next.email = teacher.email();
        lms.next.name = "The Teacher";
        lms.next.roles = List.of(INSTRUCTOR);
        LmsBrowser b = browser();
        HttpResponse<String> landed = b.launchAndLand(lms);
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.body()).contains("is not connected to Lectern yet").contains("LTI" + teacher.id());
        Map<String, String> form = LmsBrowser.form(landed.body(), "link-existing");
        String action = form.remove("@action");
        form.put("courseId", Long.toString(courseId));
        HttpResponse<String> linked = b.post(action, form);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(303);
        assertThat(LmsBrowser.location(linked)).isEqualTo("/courses/" + courseId);
    }

    void asStudent(String sub, String name, String email, String... roles) {
        lms.next.sub = sub;
        lms.next.name = name;
        lms.next.email = email;
        lms.next.roles = List.of(roles);
    }

    Member member(String email) {
        return as(teacher, () -> courses.roster(courseId)).stream().filter(m -> m.email().equals(email)).findFirst().orElse(null);
    }

    @Test
    void onlySiteAdminsRegisterPlatformsAndBadRegistrationsAreNamed() throws Exception {
        var byTeacher = rest.send("POST", "/api/v1/lti/platforms", rest.token(teacher), "application/json", lms.registration());
        assertThat(byTeacher.statusCode()).isEqualTo(403);
        var bad = rest.send("POST", "/api/v1/lti/platforms", rest.token(admin), "application/json",
                "{\"issuer\":\"\",\"clientId\":\"x\",\"deploymentIds\":[],\"authLoginUrl\":\"ftp://x\",\"authTokenUrl\":\"https://t\",\"keysetUrl\":\"https://k\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("issuer is required").contains("deploymentIds").contains("authLoginUrl");
        var list = rest.send("GET", "/api/v1/lti/platforms", rest.token(admin), null, (String) null);
        assertThat(list.body()).contains(lms.issuer).contains("\"deploymentIds\":[\"" + PlatformSimulator.DEPLOYMENT + "\"]");
        assertThat(rest.send("GET", "/api/v1/lti/platforms", rest.token(teacher), null, (String) null).statusCode()).isEqualTo(403);
    }

    @Test
    void keySetHasOnlyPublicKeysAndCanvasConfigurationNamesOurEndpoints() throws Exception {
        var jwks = browser().get("/lti/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").contains("\"kid\"").contains("\"alg\":\"RS256\"").contains("\"use\":\"sig\"")
                .doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
        var config = RestCalls.json(browser().get("/lti/config.json").body());
        String base = "http://localhost:" + port;
        assertThat(config.get("oidc_initiation_url").asString()).isEqualTo(base + "/lti/login");
        assertThat(config.get("target_link_uri").asString()).isEqualTo(base + "/lti/launch");
        assertThat(config.get("public_jwk_url").asString()).isEqualTo(base + "/lti/jwks");
        assertThat(config.get("scopes").toString()).contains(LtiGrades.SCOPE_SCORE).contains(LtiRoster.SCOPE);
        var canvas = config.get("extensions").get(0);
        assertThat(canvas.get("privacy_level").asString()).isEqualTo("public");
        assertThat(canvas.get("settings").get("placements").toString()).contains("link_selection").contains("assignment_selection")
                .contains("LtiDeepLinkingRequest");
        assertThat(config.get("custom_fields").get("canvas_user_id").asString()).isEqualTo("$Canvas.user.id");
        assertThat(config.get("custom_fields").get("canvas_assignment_id").asString()).isEqualTo("$Canvas.assignment.id");
    }

    @Test
    void canvasIdsFromTheLaunchFillTheCanvasExportWithoutACanvasExportReadFirst() throws Exception {
        connectCourse();
        as(teacher, () -> assignments.create(courseId, AssignmentDraft.of("A1", "kNN", Instant.parse("2024-01-06T20:00:00Z"),
                Instant.parse("2024-01-19T07:59:00Z"), BigDecimal.TEN)));
        CourseItem item = as(teacher, () -> schedule.items(courseId)).stream().filter(i -> "A1".equals(i.shortName())).findFirst().orElseThrow();
        String csv = "/api/v1/courses/" + courseId + "/gradebook-canvas.csv";
        String before = rest.send("GET", csv, rest.token(teacher), null, (String) null).body();
        assertThat(before.lines().findFirst().orElseThrow()).contains(",a1,").doesNotContain("a1 (");

        asStudent("canvas-" + teacher.id(), "Canvas Student", "canvas" + teacher.id() + "@uni.test", LEARNER);
        lms.next.custom = Map.of("lectern_item", Long.toString(item.id()), "canvas_user_id", "104417", "canvas_assignment_id", "88012");
        browser().launchAndLand(lms);
        // Outside an assignment Canvas sends the variable's name unsubstituted: not an id, nothing linked.
        asStudent("plain-" + teacher.id(), "Plain Student", "plain" + teacher.id() + "@uni.test", LEARNER);
        lms.next.custom = Map.of("canvas_user_id", "$Canvas.user.id", "canvas_assignment_id", "$Canvas.assignment.id");
        browser().launchAndLand(lms);

        String after = rest.send("GET", csv, rest.token(teacher), null, (String) null).body();
        assertThat(after.lines().findFirst().orElseThrow()).contains(",a1 (88012),").doesNotContain("a0 (");
        assertThat(after.lines().filter(l -> l.contains("Canvas")).findFirst().orElseThrow()).contains(",104417,");
        assertThat(after.lines().filter(l -> l.contains("Plain")).findFirst().orElseThrow()).contains("Plain\",,");
        assertThat(after).doesNotContain("$Canvas");
    }

    @Test
    void newAndReturningStudentsLandInTheLinkedCourseWithTheirRole() throws Exception {
        connectCourse();
        asStudent("stu-" + teacher.id(), "Grace Hopper", "grace" + teacher.id() + "@uni.test", LEARNER);
        HttpResponse<String> first = browser().launchAndLand(lms);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(LmsBrowser.location(first)).isEqualTo("/courses/" + courseId);
        Member m = member("grace" + teacher.id() + "@uni.test");
        assertThat(m).isNotNull();
        assertThat(m.name()).isEqualTo("Grace Hopper");
        assertThat(m.role()).isEqualTo(CourseRole.STUDENT);
        HttpResponse<String> again = browser().launchAndLand(lms);
        assertThat(LmsBrowser.location(again)).isEqualTo("/courses/" + courseId);
        assertThat(as(teacher, () -> courses.roster(courseId)).stream().filter(x -> x.email().startsWith("grace")).count()).isEqualTo(1);
    }

    @Test
    void aCanvasTaWithInstructorAndTheSubRoleIsATaAndAnInstitutionAdminIsNoSiteAdmin() throws Exception {
        connectCourse();
        asStudent("ta-" + teacher.id(), "Tia", "tia" + teacher.id() + "@uni.test", INSTRUCTOR, TA);
        assertThat(browser().launchAndLand(lms).statusCode()).isEqualTo(303);
        assertThat(member("tia" + teacher.id() + "@uni.test").role()).isEqualTo(CourseRole.TA);

        asStudent("adm-" + teacher.id(), "Dean", "dean" + teacher.id() + "@uni.test", INSTITUTION_ADMIN, LEARNER);
        assertThat(browser().launchAndLand(lms).statusCode()).isEqualTo(303);
        assertThat(member("dean" + teacher.id() + "@uni.test").role()).isEqualTo(CourseRole.STUDENT);
        assertThat(accounts.byEmail("dean" + teacher.id() + "@uni.test").orElseThrow().siteRole()).isEqualTo(SiteRole.USER);

        asStudent("adm2-" + teacher.id(), "Only Admin", "only" + teacher.id() + "@uni.test", INSTITUTION_ADMIN);
        HttpResponse<String> refused = browser().launchAndLand(lms);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no role in this course");
    }

    @Test
    void aStudentFromAnUnlinkedLmsCourseIsToldWhy() throws Exception {
        asStudent("early-" + teacher.id(), "Early", "early" + teacher.id() + "@uni.test", LEARNER);
        HttpResponse<String> r = browser().launchAndLand(lms);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("not connected to a Lectern course yet");
    }

    @Test
    void aResourceLinkOpensItsItem() throws Exception {
        connectCourse();
        var a = as(teacher, () -> assignments.create(courseId, AssignmentDraft.of("A1", "kNN", Instant.parse("2024-01-06T20:00:00Z"),
                Instant.parse("2024-01-19T07:59:00Z"), BigDecimal.TEN)));
        CourseItem item = as(teacher, () -> schedule.items(courseId)).stream().filter(i -> "A1".equals(i.shortName())).findFirst().orElseThrow();
        asStudent("item-" + teacher.id(), "Item", "item" + teacher.id() + "@uni.test", LEARNER);
        lms.next.custom = Map.of("lectern_item", Long.toString(item.id()));
        HttpResponse<String> r = browser().launchAndLand(lms);
        assertThat(LmsBrowser.location(r)).isEqualTo("/courses/" + courseId + "/assignments/" + a.id());
    }

    @Test
    void whenTheFrameLosesTheSessionCookieANewTabFinishesTheSignIn() throws Exception {
        connectCourse();
        asStudent("tab-" + teacher.id(), "Tab", "tab" + teacher.id() + "@uni.test", LEARNER);
        LmsBrowser frame = browser();
        HttpResponse<String> launched = frame.launch(lms, true);
        assertThat(launched.statusCode()).isEqualTo(303);
        frame.forgetCookie("JSESSIONID"); // what a browser blocking third-party cookies does
        HttpResponse<String> page = frame.get(LmsBrowser.location(launched));
        assertThat(page.body()).contains("id=\"open-new-tab\"").contains("target=\"_blank\"");
        String href = org.springframework.web.util.HtmlUtils.htmlUnescape(
                page.body().replaceAll("(?s).*id=\"open-new-tab\" target=\"_blank\" rel=\"noopener\" href=\"([^\"]+)\".*", "$1"));
        LmsBrowser tab = browser();
        HttpResponse<String> opened = tab.get(href);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(LmsBrowser.location(opened)).isEqualTo("/courses/" + courseId);
        // The ticket worked once.
        assertThat(browser().get(href).statusCode()).isEqualTo(403);
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("signed with another key", (Consumer<PlatformSimulator.Launch>) l -> l.signWithRogueKey = true,
                        "signature does not match"),
                Arguments.of("expired", (Consumer<PlatformSimulator.Launch>) l -> l.tamper = b -> b
                        .expirationTime(Date.from(Instant.now().minusSeconds(600))).issueTime(Date.from(Instant.now().minusSeconds(900))),
                        "expired"),
                Arguments.of("a nonce from another sign-in", (Consumer<PlatformSimulator.Launch>) l -> l.nonceOverride = "replayed-nonce",
                        "nonce"),
                Arguments.of("meant for another tool", (Consumer<PlatformSimulator.Launch>) l -> l.tamper = b -> b.audience("someone-else")
                        .claim("azp", null), "is meant for [someone-else]"),
                Arguments.of("from an unknown deployment", (Consumer<PlatformSimulator.Launch>) l -> l.tamper = b -> b
                        .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "deployment-666"), "not registered"),
                Arguments.of("another issuer", (Consumer<PlatformSimulator.Launch>) l -> l.tamper = b -> b.issuer("https://evil.test"),
                        "not by the registered platform"),
                Arguments.of("LTI 1.1 version", (Consumer<PlatformSimulator.Launch>) l -> l.tamper = b -> b
                        .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1"), "is not 1.3.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokensAreRefusedWithAClearPage(String what, Consumer<PlatformSimulator.Launch> change, String message) throws Exception {
        connectCourse();
        asStudent("bad-" + teacher.id(), "Mallory", "mallory" + teacher.id() + "@uni.test", LEARNER);
        change.accept(lms.next);
        HttpResponse<String> r = browser().launch(lms, true);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("id=\"lti-problem\"").contains(message);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(member("mallory" + teacher.id() + "@uni.test")).isNull();
    }

    @Test
    void aLaunchWithoutTheStateCookieOrReplayedIsRefused() throws Exception {
        connectCourse();
        asStudent("replay-" + teacher.id(), "Replay", "replay" + teacher.id() + "@uni.test", LEARNER);
        HttpResponse<String> noCookie = browser().launch(lms, false);
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(noCookie.body()).contains("did not send back the cookie");

        // The same id_token and state posted twice: the second finds its state used.
        LmsBrowser b = browser();
        HttpResponse<String> login = b.get("/lti/login?" + lms.loginQuery(lms.next.sub));
        Map<String, String> form = LmsBrowser.form(b.get(LmsBrowser.location(login)).body(), null);
        String action = form.remove("@action");
        assertThat(b.post(action, form).statusCode()).isEqualTo(303);
        // The attacker also replays the state cookie (the launch cleared it).
        var cookie = new java.net.HttpCookie(LtiController.STATE_COOKIE, form.get("state"));
        cookie.setPath("/lti/");
        cookie.setVersion(0);
        b.cookies.getCookieStore().add(java.net.URI.create("http://localhost:" + port + "/lti/"), cookie);
        HttpResponse<String> replay = b.post(action, form);
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("already used");
    }

    @Test
    void loginFromAnUnregisteredPlatformOrForAnotherSiteIsRefused() throws Exception {
        var r = browser().get("/lti/login?iss=https%3A%2F%2Fnobody.test&login_hint=x&target_link_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Flti%2Flaunch");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("is registered");
        var other = browser().get("/lti/login?iss=" + PlatformSimulator.enc(lms.issuer) + "&login_hint=x&target_link_uri="
                + PlatformSimulator.enc("https://evil.test/lti/launch"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("not an address of this Lectern");
    }

    @Test
    void anInstructorPicksItemsAndTheLmsGetsSignedLinksWithLineItemsAndDueDates() throws Exception {
        connectCourse();
        var a = as(teacher, () -> assignments.create(courseId, AssignmentDraft.of("A1", "kNN", Instant.parse("2024-01-06T20:00:00Z"),
                Instant.parse("2024-01-19T07:59:00Z"), BigDecimal.TEN)));
        CourseItem item = as(teacher, () -> schedule.items(courseId)).stream().filter(i -> "A1".equals(i.shortName())).findFirst().orElseThrow();
        lms.next.messageType = "LtiDeepLinkingRequest";
        LmsBrowser b = browser();
        HttpResponse<String> picker = b.launchAndLand(lms);
        assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
        assertThat(picker.body()).contains("id=\"item-" + item.id() + "\"").contains("A1: kNN").contains("graded");
        Map<String, String> form = LmsBrowser.form(picker.body(), "pick");
        String action = form.remove("@action");
        form.put("item", Long.toString(item.id()));
        HttpResponse<String> answer = b.post(action, form);
        assertThat(answer.body()).contains("document.forms[0].submit()");
        Map<String, String> back = LmsBrowser.form(answer.body(), null);
        assertThat(back.get("@action")).isEqualTo(lms.url("/deep-link-return"));
        HttpResponse<String> lmsPage = b.post(back.remove("@action"), back);
        assertThat(lmsPage.statusCode()).as(lmsPage.body()).isEqualTo(200);
        JWTClaimsSet c = lms.deepLinks.getFirst();
        assertThat(c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(c.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id")).isEqualTo(PlatformSimulator.DEPLOYMENT);
        assertThat(c.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo("opaque-data-42");
        var items = (List<?>) c.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items).hasSize(1);
        var link = (Map<?, ?>) items.getFirst();
        assertThat(link.get("type")).isEqualTo("ltiResourceLink");
        assertThat(link.get("url")).isEqualTo("http://localhost:" + port + "/lti/launch");
        assertThat(((Map<?, ?>) link.get("custom")).get("lectern_item")).isEqualTo(Long.toString(item.id()));
        var lineItem = (Map<?, ?>) link.get("lineItem");
        assertThat(lineItem.get("tag")).isEqualTo("lectern");
        assertThat(lineItem.get("resourceId").toString()).isEqualToIgnoringCase("A1");
        assertThat(((Number) lineItem.get("scoreMaximum")).doubleValue()).isPositive();
        assertThat(((Map<?, ?>) link.get("submission")).get("endDateTime")).isEqualTo("2024-01-19T07:59:00Z");
        // The request is answered once.
        assertThat(b.post(action, form).statusCode()).isEqualTo(403);
        // A student cannot pick items.
        asStudent("dl-stu-" + teacher.id(), "Stu", "dlstu" + teacher.id() + "@uni.test", LEARNER);
        HttpResponse<String> refused = browser().launchAndLand(lms);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only course staff");
        assertThat(a.id()).isPositive();
    }

    @Test
    void anLmsAssertingASiteAdminsEmailSignsNobodyIn() throws Exception {
        connectCourse();
        asStudent("takeover-" + teacher.id(), "Not The Admin", admin.email(), INSTRUCTOR);
        HttpResponse<String> r = browser().launch(lms, true);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("belongs to a Lectern site admin");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(member(admin.email())).isNull();

        // Someone linked through the LMS and promoted to site admin later no longer signs in through it.
        asStudent("promoted-" + teacher.id(), "Promoted", "promoted" + teacher.id() + "@uni.test", LEARNER);
        assertThat(browser().launchAndLand(lms).statusCode()).isEqualTo(303);
        long promoted = accounts.byEmail("promoted" + teacher.id() + "@uni.test").orElseThrow().id();
        as(admin, () -> accounts.changeSiteRole(promoted, SiteRole.ADMIN));
        HttpResponse<String> again = browser().launch(lms, true);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("belongs to a Lectern site admin");
    }

    @Test
    void aDeepLinkingChoiceBelongsToWhoeverLaunchedIt() throws Exception {
        connectCourse();
        lms.next.messageType = "LtiDeepLinkingRequest";
        HttpResponse<String> picker = browser().launchAndLand(lms);
        String path = picker.request().uri().getPath();
        assertThat(path).startsWith("/lti/deep-link/");
        // Another staff member of the course, signed in through their own launch, cannot answer it.
        lms.next.messageType = "LtiResourceLinkRequest";
        asStudent("ta2-" + teacher.id(), "Other TA", "ota" + teacher.id() + "@uni.test", INSTRUCTOR, TA);
        LmsBrowser other = browser();
        assertThat(other.launchAndLand(lms).statusCode()).isEqualTo(303);
        HttpResponse<String> stolen = other.get(path);
        assertThat(stolen.statusCode()).isEqualTo(403);
        assertThat(stolen.body()).contains("belongs to another launch");
        // Without any session the page asks for a launch.
        assertThat(browser().get(path).statusCode()).isEqualTo(401);
    }
}
