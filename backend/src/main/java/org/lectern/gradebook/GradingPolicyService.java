package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lectern.assignment.AssignmentCreated;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.internal.GradebookRepository;
import org.lectern.identity.CurrentUser;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course's grading policy: categories, weights, late-day rules, letters. Members read it; instructors set it;
 * new assignments and graded items (quizzes, exercise sets) join their category as they are created.
 */
@Service
public class GradingPolicyService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GradebookRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;

    GradingPolicyService(GradebookRepository repo, CourseAccess access, AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PolicyDocument policy(long courseId) {
        access.member(courseId);
        return load(courseId);
    }

    @Transactional
    public PolicyDocument setPolicy(long courseId, PolicyDocument document) {
        var grant = access.instructor(courseId);
        if (document == null || document.lateDays() == null || document.categories() == null) {
            throw new InvalidInputException("A grading policy needs lateDays and categories.");
        }
        document.validate();
        repo.savePolicy(courseId, JSON.writeValueAsString(document), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grading_policy.saved", document.categories().size() + " categories");
        return load(courseId);
    }


    /**
     * A new assignment joins its gradebook category (named in the assignment JSON) with its per-item
     * late rules; without a category it keeps a placeholder of that short name, else joins "Not counted".
     */
    @EventListener
    void onAssignmentCreated(AssignmentCreated e) {
        PolicyDocument.ItemLateJson late = e.takesLateDays() == null && e.acceptsLate() == null && e.maxLateDaysPerItem() == null
                && e.latePenaltyPercentPerDay() == null && e.maxDaysLate() == null ? null
                : new PolicyDocument.ItemLateJson(e.takesLateDays(), e.acceptsLate(), e.maxLateDaysPerItem(), e.latePenaltyPercentPerDay(),
                        e.maxDaysLate());
        place(e.courseId(), e.shortName(), e.points(), e.category(), late);
    }

    /** A quiz, exercise set or the like joins its category (see {@link GradedItemDeclared}). */
    @EventListener
    void onGradedItemDeclared(GradedItemDeclared e) {
        place(e.courseId(), e.shortName(), e.points(), e.category(), null);
    }

    private void place(long courseId, String shortName, BigDecimal points, String categoryName, PolicyDocument.ItemLateJson late) {
        PolicyDocument doc = load(courseId);
        if (categoryName == null || categoryName.isBlank()) {
            if (doc.item(shortName).isPresent()) {
                return; // a placeholder the instructor wrote (A2 for a2) already gives it its column and weight
            }
            // Without a category it still gets a column and a line on the student's grades page, worth nothing
            // until the instructor moves it, and it spends no late days (none of its own rules were given).
            categoryName = PolicyDocument.NOT_COUNTED;
            doc = doc.withNotCounted();
            late = late == null ? PolicyDocument.NOT_COUNTED_LATE : late;
        }
        PolicyDocument doc0 = doc;
        String wanted = categoryName.strip();
        var category = doc.categories().stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("category: no gradebook category '" + wanted + "' (categories: "
                        + String.join(", ", doc0.categories().stream().map(PolicyDocument.CategoryJson::name).toList()) + ")."));
        List<PolicyDocument.CategoryJson> categories = new ArrayList<>();
        for (var c : doc.categories()) {
            // The assignment takes the place of a same-named placeholder (A2 for a2), else joins the end.
            List<PolicyDocument.ItemJson> items = new ArrayList<>();
            boolean placed = false;
            for (var i : c.items()) {
                if (i.shortName().equalsIgnoreCase(shortName)) {
                    if (c == category) {
                        items.add(new PolicyDocument.ItemJson(shortName, points, i.weight(), null, late));
                        placed = true;
                    }
                } else {
                    items.add(i);
                }
            }
            if (c == category && !placed) {
                items.add(new PolicyDocument.ItemJson(shortName, points, null, null, late));
            }
            categories.add(new PolicyDocument.CategoryJson(c.name(), c.weight(), c.dropLowest(), c.extraCredit(), c.cap(), items));
        }
        PolicyDocument updated = new PolicyDocument(doc.lateDays(), categories, doc.letters());
        updated.validate();
        var caller = CurrentUser.require();
        repo.savePolicy(courseId, JSON.writeValueAsString(updated), caller.accountId());
    }


    /** The item's name as the policy spells it; a clear refusal when the policy has no such item. */
    String itemKey(long courseId, String key) {
        return load(courseId).item(key == null ? "" : key.strip()).map(PolicyDocument.ItemJson::shortName)
                .orElseThrow(() -> new InvalidInputException("No gradebook item '" + key + "' in this course's grading policy."));
    }

    /** The stored policy, or the defaults a new course starts from; no role check: the gradebook's services did it. */
    PolicyDocument load(long courseId) {
        return repo.policy(courseId).map(json -> {
            try {
                return JSON.readValue(json, PolicyDocument.class);
            } catch (JacksonException e) {
                throw new IllegalStateException("Stored grading policy of course " + courseId + " is unreadable", e);
            }
        }).orElseGet(PolicyDocument::defaults);
    }
}
