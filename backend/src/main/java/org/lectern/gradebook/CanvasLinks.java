package org.lectern.gradebook;

import java.util.regex.Pattern;
import org.lectern.gradebook.internal.GradebookRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canvas's ids for a course's students and items, learnt from an LTI launch (Canvas substitutes
 * {@code $Canvas.user.id} and {@code $Canvas.assignment.id} into the launch's custom claim), so the Canvas export
 * fills {@code ID} and {@code Name (id)} without a Canvas export read first.
 *
 * <p>Called by the LTI launch only, after the platform's signature, issuer, deployment and nonce were checked and the
 * person was enrolled: the ids are the platform's word about its own records, never a person's input. A value Canvas
 * did not substitute (the literal {@code $Canvas.assignment.id} outside an assignment) is not an id and is ignored.
 */
@Service
public class CanvasLinks {

    private static final Pattern CANVAS_ID = Pattern.compile("[0-9]{1,19}");

    private final GradebookRepository repo;
    private final GradingPolicyService policies;

    CanvasLinks(GradebookRepository repo, GradingPolicyService policies) {
        this.repo = repo;
        this.policies = policies;
    }

    public static boolean isCanvasId(String value) {
        return value != null && CANVAS_ID.matcher(value).matches();
    }

    @Transactional
    public void fromLaunch(long courseId, long accountId, String canvasUserId, String itemKey, String canvasAssignmentId) {
        if (isCanvasId(canvasUserId)) {
            repo.linkCanvasStudent(courseId, accountId, canvasUserId);
        }
        if (itemKey != null && isCanvasId(canvasAssignmentId)) {
            // The gradebook's own key for the item (an assignment A1 may fill the policy's a1): the export's column.
            policies.load(courseId).categories().stream().flatMap(c -> c.items().stream()).map(PolicyDocument.ItemJson::shortName)
                    .filter(key -> key.equalsIgnoreCase(itemKey.strip())).findFirst()
                    .ifPresent(key -> repo.linkCanvasItem(courseId, key, canvasAssignmentId));
        }
    }
}
