package org.lectern.lti;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.identity.Caller;
import org.lectern.identity.CurrentUser;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.lti.internal.LtiRepository.PlatformRow;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registered platforms: site admins add, list and remove them; launches look them up. */
@Service
public class LtiPlatforms {

    private final LtiRepository repo;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LtiPlatforms(LtiRepository repo, AuditLog audit, ApplicationEventPublisher events) {
        this.repo = repo;
        this.audit = audit;
        this.events = events;
    }

    /** Registers a platform, or updates the URLs and adds deployments of the same issuer and client id. */
    @Transactional
    public Platform register(PlatformDraft d) {
        Caller admin = requireAdmin();
        List<String> problems = new ArrayList<>();
        if (d == null) {
            throw new InvalidInputException("Send issuer, clientId, deploymentIds, authLoginUrl, authTokenUrl and keysetUrl.");
        }
        if (blank(d.issuer())) {
            problems.add("issuer is required (Canvas: https://canvas.instructure.com; Moodle: the site's address).");
        }
        if (blank(d.clientId())) {
            problems.add("clientId is required (Canvas: the developer key's id; Moodle: the tool's Client ID).");
        }
        if (d.deploymentIds() == null || d.deploymentIds().isEmpty() || d.deploymentIds().stream().anyMatch(LtiPlatforms::blank)) {
            problems.add("deploymentIds needs at least one deployment id, none blank.");
        }
        url(problems, "authLoginUrl", d.authLoginUrl());
        url(problems, "authTokenUrl", d.authTokenUrl());
        url(problems, "keysetUrl", d.keysetUrl());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        long id = repo.insertPlatform(d.issuer().strip(), d.clientId().strip(), d.authLoginUrl().strip(), d.authTokenUrl().strip(),
                d.keysetUrl().strip());
        d.deploymentIds().forEach(dep -> repo.addDeployment(id, dep.strip()));
        audit.record(admin.accountId(), null, "lti.platform.registered", d.issuer() + " " + d.clientId());
        events.publishEvent(new LtiFrameAncestors.PlatformsChanged());
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Platform> list() {
        requireAdmin();
        return repo.platforms().stream().map(this::of).toList();
    }

    @Transactional
    public void remove(long id) {
        Caller admin = requireAdmin();
        if (repo.deletePlatform(id) == 0) {
            throw new NotFoundException("No platform " + id + ".");
        }
        audit.record(admin.accountId(), null, "lti.platform.removed", Long.toString(id));
        events.publishEvent(new LtiFrameAncestors.PlatformsChanged());
    }

    /** Every platform, for the frame policy (no caller: it runs at start and after commits). */
    @Transactional(readOnly = true)
    List<Platform> all() {
        return repo.platforms().stream().map(this::of).toList();
    }

    /** For launches (no caller yet): by id. */
    Optional<Platform> find(long id) {
        return repo.platform(id).map(this::of);
    }

    /** For launches: the registration of an issuer (and client id, when the platform sends one). */
    List<Platform> find(String issuer, String clientId) {
        return repo.platforms(issuer, blank(clientId) ? null : clientId).stream().map(this::of).toList();
    }

    private Platform of(PlatformRow r) {
        return new Platform(r.id(), r.issuer(), r.clientId(), repo.deployments(r.id()), r.authLoginUrl(), r.authTokenUrl(), r.keysetUrl(),
                r.createdAt());
    }

    private static Caller requireAdmin() {
        Caller c = CurrentUser.require();
        if (!c.isAdmin()) {
            throw new ForbiddenException("Only a site admin registers LMS platforms.");
        }
        return c;
    }

    private static void url(List<String> problems, String name, String value) {
        if (blank(value)) {
            problems.add(name + " is required.");
            return;
        }
        try {
            URI u = URI.create(value.strip());
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                problems.add(name + " '" + value + "' is not an http(s) address.");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " '" + value + "' is not an address.");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
