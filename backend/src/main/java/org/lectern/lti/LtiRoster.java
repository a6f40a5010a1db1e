package org.lectern.lti;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.course.RosterPlan;
import org.lectern.identity.AccountService;
import org.lectern.identity.EmailAddress;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.lti.internal.LtiRepository.ContextRow;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.UnavailableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names and Role Provisioning Services: the LMS course's members (all pages), shown as the roster import's
 * preview ({@link RosterPlan}: new people, role changes, bad rows) plus the drops (people who came from
 * this LMS and are no longer active in it), then applied all or nothing.
 */
@Service
public class LtiRoster {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEMBERSHIPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;

    /** The import preview, and who would leave the course. */
    public record Preview(RosterPlan.Preview plan, List<Member> drops, int lmsMembers) {
    }

    private record Fetched(String csv, Map<String, String> subjectByEmail, Set<String> activeEmails, long platformId, int count) {
    }

    private final LtiRepository repo;
    private final LtiPlatforms platforms;
    private final LtiServiceClient client;
    private final CourseAccess access;
    private final CourseService courses;
    private final AccountService accounts;

    LtiRoster(LtiRepository repo, LtiPlatforms platforms, LtiServiceClient client, CourseAccess access, CourseService courses,
              AccountService accounts) {
        this.repo = repo;
        this.platforms = platforms;
        this.client = client;
        this.access = access;
        this.courses = courses;
        this.accounts = accounts;
    }

    /** What syncing would do; stores nothing. Instructors only, as for a roster upload. */
    public Preview preview(long courseId) {
        access.instructor(courseId);
        Fetched f = fetch(courseId);
        return new Preview(courses.previewRoster(courseId, f.csv()), drops(courseId, f), f.count());
    }

    /** Syncs: adds and role changes through the roster import, drops, and links each person to their LMS id; all or nothing. */
    @Transactional
    public Preview apply(long courseId) {
        var grant = access.instructor(courseId);
        Fetched f = fetch(courseId);
        List<Member> drops = drops(courseId, f);
        RosterPlan.Preview plan = courses.importRoster(courseId, f.csv());
        for (Member m : drops) {
            if (m.accountId() != grant.caller().accountId()) {
                courses.removeMember(courseId, m.accountId());
            }
        }
        f.subjectByEmail().forEach((email, sub) -> accounts.byEmail(email)
                .ifPresent(a -> repo.linkAccount(f.platformId(), sub, a.id())));
        return new Preview(plan, drops, f.count());
    }

    /** Members linked to this LMS who are not active there any more (never the instructor syncing, never people added by hand). */
    private List<Member> drops(long courseId, Fetched f) {
        var me = access.member(courseId).caller().accountId();
        List<Member> drops = new ArrayList<>();
        for (Member m : courses.roster(courseId)) {
            if (m.accountId() == me || f.activeEmails().contains(m.email())) {
                continue;
            }
            if (repo.subjectOf(f.platformId(), m.accountId()).isPresent()) {
                drops.add(m);
            }
        }
        return drops;
    }

    private Fetched fetch(long courseId) {
        ContextRow ctx = repo.contextsOfCourse(courseId).stream().filter(c -> c.membershipsUrl() != null).findFirst()
                .orElseThrow(() -> new InvalidInputException("This course is not connected to an LMS course that offers its roster "
                        + "(Names and Role Provisioning): launch Lectern from the LMS once, with the NRPS scope enabled."));
        Platform p = platforms.find(ctx.platformId()).orElseThrow();
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, String> subjects = new HashMap<>();
        Set<String> active = new HashSet<>();
        String url = ctx.membershipsUrl();
        int count = 0;
        for (int page = 0; url != null; page++) {
            if (page == MAX_PAGES) {
                throw new UnavailableException("The LMS roster has more than " + MAX_PAGES + " pages; stopped.");
            }
            LtiServiceClient.Reply r;
            try {
                r = client.call(p, List.of(SCOPE), "GET", url, MEMBERSHIPS_TYPE, null, null);
            } catch (LtiServiceClient.ServiceError e) {
                throw new UnavailableException("Could not read the roster from the LMS: " + e.getMessage());
            }
            for (var m : r.json().path("members")) {
                count++;
                String status = m.path("status").asString("Active");
                String sub = m.path("user_id").asString(null);
                if (sub == null || !"Active".equalsIgnoreCase(status)) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                m.path("roles").forEach(x -> roles.add(x.asString()));
                Optional<CourseRole> role = LtiRoles.courseRole(roles);
                if (role.isEmpty()) {
                    continue; // mentors, observers, administrators: not course members in Lectern
                }
                String email = EmailAddress.normalise(m.path("email").asString(""));
                if (email.isEmpty()) {
                    email = repo.linkedAccount(p.id(), sub).flatMap(accounts::byId).map(a -> a.email())
                            .orElse(LtiLaunchService.placeholderEmail(p.id(), sub));
                }
                String name = m.path("name").asString("");
                if (name.isBlank()) {
                    name = (m.path("given_name").asString("") + " " + m.path("family_name").asString("")).strip();
                }
                rows.put(email, new String[] {name.isBlank() ? email : name, email, role.get().name()});
                subjects.put(email, sub);
                active.add(email);
            }
            url = LtiServiceClient.nextLink(r.raw());
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("name", "email", "role").get())) {
            for (String[] row : rows.values()) {
                csv.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Fetched(out.toString(), subjects, active, p.id(), count);
    }
}
