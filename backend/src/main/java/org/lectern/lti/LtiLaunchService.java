package org.lectern.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.CourseSummary;
import org.lectern.course.NewMember;
import org.lectern.gradebook.CanvasLinks;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.EmailAddress;
import org.lectern.identity.SiteRole;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * LTI 1.3 sign-in: the third-party-initiated login (state and nonce, then off to the platform) and the
 * launch (the id_token checked by {@link PlatformKeys} and {@link LaunchRules}, the person found or
 * created by (platform, sub), their course role from {@link LtiRoles}). A launch ends in a single-use
 * hand-off that the web layer turns into a session.
 */
@Service
public class LtiLaunchService {

    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final Duration HANDOFF_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the browser goes next: the platform's auth endpoint, with the state to put in the cookie. */
    public record LoginRedirect(URI location, String state) {
    }

    /**
     * A good launch: who, and the single-use ticket that signs them in and opens {@code target}.
     */
    public record Launched(long accountId, String handoff, String target) {
    }

    private final LtiRepository repo;
    private final LtiPlatforms platforms;
    private final PlatformKeys keys;
    private final AccountService accounts;
    private final CourseService courses;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final Clock clock;
    private final CanvasLinks canvasLinks;

    LtiLaunchService(LtiRepository repo, LtiPlatforms platforms, PlatformKeys keys, AccountService accounts, CourseService courses,
                     CourseAccess access, ScheduleService schedule, AuditLog audit, Clock clock, CanvasLinks canvasLinks) {
        this.canvasLinks = canvasLinks;
        this.repo = repo;
        this.platforms = platforms;
        this.keys = keys;
        this.accounts = accounts;
        this.courses = courses;
        this.access = access;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Step 1 of the launch (OIDC third-party-initiated login).
     *
     * @param launchUrl our /lti/launch as the platform reaches it: the redirect_uri, and what target_link_uri must be under
     */
    @Transactional
    public LoginRedirect login(Map<String, String> p, String launchUrl) {
        String iss = p.get("iss");
        String loginHint = p.get("login_hint");
        String target = p.get("target_link_uri");
        if (LtiPlatforms.blank(iss) || LtiPlatforms.blank(loginHint) || LtiPlatforms.blank(target)) {
            throw new LaunchRefused("The LMS started a sign-in without iss, login_hint or target_link_uri.");
        }
        List<Platform> found = platforms.find(iss, p.get("client_id"));
        if (found.isEmpty()) {
            throw new LaunchRefused("No LMS with issuer '" + iss + "'" + (p.get("client_id") == null ? "" : " and client id '"
                    + p.get("client_id") + "'") + " is registered. A site admin registers it first.");
        }
        if (found.size() > 1) {
            throw new LaunchRefused("Several registrations share issuer '" + iss + "'; the LMS must send client_id.");
        }
        Platform platform = found.getFirst();
        String deployment = p.getOrDefault("lti_deployment_id", p.get("deployment_id"));
        if (deployment != null && !platform.deploymentIds().contains(deployment)) {
            throw new LaunchRefused("Deployment '" + deployment + "' is not registered for " + iss + ".");
        }
        if (!sameOrigin(target, launchUrl)) {
            throw new LaunchRefused("target_link_uri '" + target + "' is not an address of this Lectern.");
        }
        String state = random();
        String nonce = random();
        repo.insertState(state, nonce, platform.id(), clock.instant().plus(STATE_LIFETIME));
        var b = UriComponentsBuilder.fromUriString(platform.authLoginUrl())
                .queryParam("scope", "openid").queryParam("response_type", "id_token").queryParam("response_mode", "form_post")
                .queryParam("prompt", "none").queryParam("client_id", platform.clientId()).queryParam("redirect_uri", launchUrl)
                .queryParam("login_hint", loginHint).queryParam("state", state).queryParam("nonce", nonce);
        if (p.get("lti_message_hint") != null) {
            b.queryParam("lti_message_hint", p.get("lti_message_hint"));
        }
        return new LoginRedirect(b.encode().build().toUri(), state);
    }

    /**
     * Step 2: the id_token the platform form-POSTs.
     *
     * @param cookieState the state cookie this browser got at login (null when the browser did not send it)
     */
    @Transactional(noRollbackFor = LaunchRefused.class)
    public Launched launch(String idToken, String state, String cookieState) {
        if (LtiPlatforms.blank(idToken) || LtiPlatforms.blank(state)) {
            throw new LaunchRefused("The LMS sent no id_token or state.");
        }
        if (cookieState == null) {
            throw new LaunchRefused("Your browser did not send back the cookie Lectern set when this sign-in started, so the sign-in "
                    + "cannot be tied to you. Browsers that block cookies inside the LMS frame do this: open the link in a new tab.");
        }
        if (!MessageDigest.isEqual(cookieState.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new LaunchRefused("This sign-in was started in another browser or tab (the state does not match).");
        }
        // Taken (deleted) before anything else: whatever happens next, this state and its nonce never work again.
        LtiRepository.State stored = repo.takeState(state)
                .orElseThrow(() -> new LaunchRefused("This sign-in was already used or is unknown; start again from the LMS."));
        Instant now = clock.instant();
        if (stored.expiresAt().isBefore(now)) {
            throw new LaunchRefused("This sign-in took too long; start again from the LMS.");
        }
        Platform platform = platforms.find(stored.platformId()).orElseThrow(() -> new LaunchRefused("The LMS was unregistered."));
        SignedJWT jwt;
        JWTClaimsSet c;
        try {
            jwt = SignedJWT.parse(idToken);
            c = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused("The id_token is not a signed JWT.");
        }
        String bad = keys.verify(jwt, platform.keysetUrl());
        if (bad != null) {
            throw new LaunchRefused(bad);
        }
        List<String> problems = LaunchRules.check(c, new LaunchRules.Expected(platform.issuer(), platform.clientId(),
                new HashSet<>(platform.deploymentIds()), stored.nonce()), now);
        if (!problems.isEmpty()) {
            throw new LaunchRefused(String.join(" ", problems));
        }
        Account account = person(platform, c);
        String type = LaunchRules.string(c, LaunchRules.CLAIM + "message_type");
        String deployment = LaunchRules.string(c, LaunchRules.CLAIM + "deployment_id");
        Map<String, Object> context = map(c.getClaim(LaunchRules.CLAIM + "context"));
        Optional<CourseRole> role = LtiRoles.courseRole(strings(c.getClaim(LaunchRules.CLAIM + "roles")));
        if (context == null || context.get("id") == null) {
            throw new LaunchRefused("The LMS sent no course (context) with this launch; Lectern works per course.");
        }
        String contextId = context.get("id").toString();
        Map<String, Object> ags = map(c.getClaim(AGS));
        Map<String, Object> nrps = map(c.getClaim(NRPS));
        repo.upsertContext(platform.id(), contextId, str(context.get("title")), str(context.get("label")), deployment,
                ags == null ? null : str(ags.get("lineitems")), nrps == null ? null : str(nrps.get("context_memberships_url")));
        LtiRepository.ContextRow ctx = repo.context(platform.id(), contextId).orElseThrow();
        if (role.isEmpty()) {
            throw new LaunchRefused("The LMS gave you no role in this course that Lectern knows (Instructor, Teaching Assistant or "
                    + "Learner), so Lectern cannot tell what you may see.");
        }
        if (ctx.courseId() == null) {
            if (role.get() != CourseRole.INSTRUCTOR) {
                throw new LaunchRefused("This LMS course is not connected to a Lectern course yet. Your instructor connects it by "
                        + "opening Lectern from the LMS once; try again after that.");
            }
            return handoff(account.id(), "/lti/link?platform=" + platform.id() + "&context=" + enc(contextId));
        }
        enrol(ctx, account, role.get());
        audit.record(account.id(), ctx.courseId(), "lti.launch", platform.issuer() + " " + type);
        if (LaunchRules.DEEP_LINKING_REQUEST.equals(type)) {
            if (!role.get().isStaff()) {
                throw new LaunchRefused("Only course staff choose Lectern items for the LMS.");
            }
            Map<String, Object> dl = map(c.getClaim(DL_SETTINGS));
            if (dl == null || str(dl.get("deep_link_return_url")) == null) {
                throw new LaunchRefused("The deep-linking request has no deep_link_return_url.");
            }
            String id = random();
            repo.insertDeepLink(id, platform.id(), deployment, str(dl.get("deep_link_return_url")), str(dl.get("data")), ctx.courseId(),
                    account.id(), now.plus(Duration.ofHours(1)));
            return handoff(account.id(), "/lti/deep-link/" + id);
        }
        Map<String, Object> custom = map(c.getClaim(LaunchRules.CLAIM + "custom"));
        Optional<CourseItem> item = item(account, ctx.courseId(), custom);
        if (custom != null) {
            // Canvas's own ids (config.json asks for them), so the Canvas export lands in its rows and assignments.
            canvasLinks.fromLaunch(ctx.courseId(), account.id(), str(custom.get("canvas_user_id")),
                    item.map(CourseItem::shortName).orElse(null), str(custom.get("canvas_assignment_id")));
        }
        return handoff(account.id(), item.map(i -> "/" + i.route()).orElse("/courses/" + ctx.courseId()));
    }

    /** The Lectern item a resource link opens (custom lectern_item), if it is one of the course's items the person sees. */
    private Optional<CourseItem> item(Account account, long courseId, Map<String, Object> custom) {
        Object item = custom == null ? null : custom.get("lectern_item");
        if (item != null) {
            List<CourseItem> items = CurrentUser.runAs(account, () -> schedule.items(courseId));
            for (CourseItem i : items) {
                if (Long.toString(i.id()).equals(item.toString().strip()) && i.route() != null) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** Puts the person in the linked course with the LMS's role, as the instructor who linked it would. */
    private void enrol(LtiRepository.ContextRow ctx, Account account, CourseRole role) {
        // Read through the person's own course list: asking CourseAccess would throw (and doom the transaction) for a newcomer.
        Optional<CourseRole> now = CurrentUser.runAs(account, courses::myCourses).stream()
                .filter(c -> c.id() == ctx.courseId()).map(CourseSummary::role).findFirst();
        if (now.isPresent() && now.get() == role) {
            return;
        }
        Account linker = ctx.linkedBy() == null ? null : accounts.byId(ctx.linkedBy()).orElse(null);
        if (linker == null) {
            throw new LaunchRefused("The instructor who connected this LMS course to Lectern no longer exists; an instructor "
                    + "connects it again.");
        }
        CurrentUser.runAs(linker, () -> courses.addMember(ctx.courseId(), new NewMember(account.displayName(), account.email(), role, null)));
    }

    private Account person(Platform platform, JWTClaimsSet c) {
        String sub = c.getSubject();
        Optional<Long> linked = repo.linkedAccount(platform.id(), sub);
        if (linked.isPresent()) {
            Account a = accounts.byId(linked.get()).orElseThrow();
            if (a.siteRole() == SiteRole.ADMIN) {
                // Promoted after the link was made: a site admin still signs in with a password only.
                throw new LaunchRefused("This LMS account belongs to a Lectern site admin, who signs in with a password only.");
            }
            return a;
        }
        String email = LaunchRules.string(c, "email");
        String name = LaunchRules.string(c, "name");
        if (LtiPlatforms.blank(name)) {
            String given = LaunchRules.string(c, "given_name");
            String family = LaunchRules.string(c, "family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        if (email == null || !EmailAddress.isValid(EmailAddress.normalise(email))) {
            // The LMS withholds e-mail (privacy setting): a placeholder address that can receive nothing.
            email = placeholderEmail(platform.id(), sub);
        }
        if (name.isBlank()) {
            name = email;
        }
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent() && existing.get().siteRole() == SiteRole.ADMIN) {
            // An LMS must never sign anyone in as a site admin, whatever e-mail it asserts.
            throw new LaunchRefused("The e-mail the LMS sent belongs to a Lectern site admin, who signs in with a password only.");
        }
        String finalEmail = email;
        String finalName = name;
        Account a = existing.orElseGet(() -> accounts.findOrCreateMember(finalEmail, finalName));
        repo.linkAccount(platform.id(), sub, a.id());
        return a;
    }

    private Launched handoff(long accountId, String target) {
        String token = random();
        repo.insertHandoff(sha256(token), accountId, target, clock.instant().plus(HANDOFF_LIFETIME));
        return new Launched(accountId, token, target);
    }

    /** Redeems a hand-off once: the account to sign in and where to go. */
    @Transactional
    public Optional<LtiRepository.Handoff> redeem(String token) {
        return token == null ? Optional.empty() : repo.takeHandoff(sha256(token), clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Account> account(long id) {
        return accounts.byId(id);
    }

    // ---- linking an LMS course to a Lectern course (instructor, signed in by the launch)

    public record Unlinked(long platformId, String contextId, String title, String label, List<CourseSummary> teachable) {
    }

    @Transactional(readOnly = true)
    public Unlinked unlinked(long platformId, String contextId) {
        var caller = CurrentUser.require();
        if (repo.subjectOf(platformId, caller.accountId()).isEmpty()) {
            throw new LaunchRefused("Open Lectern from this LMS course first.");
        }
        var ctx = repo.context(platformId, contextId).orElseThrow(() -> new NotFoundException("No such LMS course."));
        if (ctx.courseId() != null) {
            throw new LaunchRefused("This LMS course is already connected; launch again from the LMS.");
        }
        List<CourseSummary> mine = courses.myCourses().stream().filter(s -> s.role() == CourseRole.INSTRUCTOR).toList();
        return new Unlinked(platformId, contextId, ctx.title(), ctx.label(), mine);
    }

    /**
     * Connects an LMS course to a Lectern course the caller teaches, or to a new one (courseId null, needs
     * the right to create courses). The caller must have launched from that LMS course as an instructor,
     * which the hand-off to this page proved.
     */
    @Transactional
    public long link(long platformId, String contextId, Long courseId, CourseDraft draft) {
        var caller = CurrentUser.require();
        var ctx = repo.context(platformId, contextId).orElseThrow(() -> new NotFoundException("No such LMS course."));
        if (ctx.courseId() != null) {
            throw new LaunchRefused("This LMS course is already connected to a Lectern course.");
        }
        if (repo.subjectOf(platformId, caller.accountId()).isEmpty()) {
            throw new LaunchRefused("Open Lectern from this LMS course first.");
        }
        long target = courseId != null ? access.instructor(courseId).course().id() : courses.create(draft).id();
        repo.linkContext(platformId, contextId, target, caller.accountId());
        audit.record(caller.accountId(), target, "lti.context.linked", contextId);
        return target;
    }

    // ---- helpers

    /** For people whose LMS withholds their e-mail: a stable address (same at launch and roster sync) that receives nothing. */
    static String placeholderEmail(long platformId, String sub) {
        return "lti-" + sha256(platformId + "/" + sub).substring(0, 20) + "@lti.invalid";
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost() != null
                    && x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
