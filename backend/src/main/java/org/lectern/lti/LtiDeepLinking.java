package org.lectern.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.identity.CurrentUser;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.lti.internal.LtiRepository.DeepLinkRow;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deep Linking 2.0: staff pick Lectern items from inside the LMS; each goes back as an ltiResourceLink
 * (opening that item) with a line item for graded ones and its due date, in a JWT we sign, posted to the
 * platform's return URL with the platform's {@code data} echoed.
 */
@Service
public class LtiDeepLinking {

    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** What the picker page shows. */
    public record Choice(long itemId, String kind, String shortName, String title, Instant dueAt, boolean graded) {
    }

    public record Request(String id, long courseId, List<Choice> choices) {
    }

    /** The signed response and where to post it. */
    public record Response(String returnUrl, String jwt) {
    }

    private final LtiRepository repo;
    private final LtiPlatforms platforms;
    private final LtiKeys keys;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final GradingPolicyService gradebooks;
    private final Clock clock;

    LtiDeepLinking(LtiRepository repo, LtiPlatforms platforms, LtiKeys keys, CourseAccess access, ScheduleService schedule,
                   GradingPolicyService gradebooks, Clock clock) {
        this.repo = repo;
        this.platforms = platforms;
        this.keys = keys;
        this.access = access;
        this.schedule = schedule;
        this.gradebooks = gradebooks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Request open(String id) {
        DeepLinkRow row = mine(id);
        access.staff(row.courseId());
        PolicyDocument policy = gradebooks.policy(row.courseId());
        List<Choice> choices = schedule.items(row.courseId()).stream()
                .map(i -> new Choice(i.id(), i.kind().label(), i.shortName(), i.title(), i.dueAt(), policy.item(i.shortName()).isPresent()))
                .toList();
        return new Request(id, row.courseId(), choices);
    }

    /** Signs the response for the chosen items (none: the instructor cancelled) and forgets the request. */
    @Transactional
    public Response respond(String id, Set<Long> chosen, String launchUrl) {
        DeepLinkRow row = mine(id);
        access.staff(row.courseId());
        Platform p = platforms.find(row.platformId()).orElseThrow(() -> new LaunchRefused("The LMS was unregistered."));
        PolicyDocument policy = gradebooks.policy(row.courseId());
        List<Map<String, Object>> items = new ArrayList<>();
        for (CourseItem i : schedule.items(row.courseId())) {
            if (!chosen.contains(i.id())) {
                continue;
            }
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("type", "ltiResourceLink");
            link.put("title", i.shortName() + ": " + i.title());
            link.put("url", launchUrl);
            link.put("custom", Map.of("lectern_item", Long.toString(i.id())));
            policy.item(i.shortName()).ifPresent(g -> {
                Map<String, Object> lineItem = new LinkedHashMap<>();
                lineItem.put("scoreMaximum", g.points());
                lineItem.put("label", i.shortName() + ": " + i.title());
                lineItem.put("resourceId", g.shortName()); // the key grade passback looks line items up by
                lineItem.put("tag", LtiGrades.TAG);
                link.put("lineItem", lineItem);
            });
            if (i.dueAt() != null) {
                link.put("submission", Map.of("endDateTime", DateTimeFormatter.ISO_INSTANT.format(i.dueAt())));
            }
            items.add(link);
        }
        if (chosen.size() != items.size()) {
            throw new LaunchRefused("Some chosen items are not in this course.");
        }
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder().issuer(p.clientId()).audience(p.issuer()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", LtiLaunchService.random())
                .claim(LaunchRules.CLAIM + "deployment_id", row.deploymentId())
                .claim(LaunchRules.CLAIM + "message_type", "LtiDeepLinkingResponse").claim(LaunchRules.CLAIM + "version", "1.3.0")
                .claim(DL + "content_items", items);
        if (row.data() != null) {
            claims.claim(DL + "data", row.data());
        }
        if (items.isEmpty()) {
            claims.claim(DL + "msg", "Nothing was chosen.");
        }
        repo.deleteDeepLink(id);
        return new Response(row.returnUrl(), keys.sign(claims.build()));
    }

    private DeepLinkRow mine(String id) {
        var caller = CurrentUser.require();
        DeepLinkRow row = repo.deepLink(id).orElseThrow(() -> new LaunchRefused("This choice was already sent or is unknown; "
                + "start again from the LMS."));
        if (row.accountId() != caller.accountId() || row.expiresAt().isBefore(clock.instant())) {
            throw new LaunchRefused("This choice belongs to another launch or has expired; start again from the LMS.");
        }
        return row;
    }
}
