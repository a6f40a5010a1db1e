package org.lectern.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The roles of a course's presentations: COMP541's by default, or the course's own list, judged here. Pure. */
public final class PaperRoles {

    public static final int MAX_ROLES = 20;

    private PaperRoles() {
    }

    /** COMP541 (seed 001): overview 14 minutes, strengths 8, weaknesses 8, questions 10. */
    public static List<PaperRole> comp541() {
        return List.of(new PaperRole(0, "Overview", 14), new PaperRole(1, "Strengths", 8), new PaperRole(2, "Weaknesses", 8),
                new PaperRole(3, "Questions", 10));
    }

    /** Names and minutes as staff send them, renumbered in order; the refusal in words if any is wrong. */
    public static List<PaperRole> judge(List<PaperRole> roles) {
        if (roles == null || roles.isEmpty() || roles.size() > MAX_ROLES) {
            throw new IllegalArgumentException("A presentation has 1 to " + MAX_ROLES + " roles.");
        }
        List<PaperRole> out = new ArrayList<>();
        for (PaperRole r : roles) {
            String name = r == null || r.name() == null ? "" : r.name().strip();
            if (name.isEmpty() || name.length() > 40) {
                throw new IllegalArgumentException("Role " + (out.size() + 1) + " needs a name of 1 to 40 characters.");
            }
            if (r.minutes() < 1 || r.minutes() > 180) {
                throw new IllegalArgumentException("Role " + name + " needs 1 to 180 minutes (you gave " + r.minutes() + ").");
            }
            if (out.stream().anyMatch(o -> o.name().equalsIgnoreCase(name))) {
                throw new IllegalArgumentException("Two roles are called " + name + ".");
            }
            out.add(new PaperRole(out.size(), name, r.minutes()));
        }
        return List.copyOf(out);
    }

    public static Optional<PaperRole> at(List<PaperRole> roles, int position) {
        return roles.stream().filter(r -> r.position() == position).findFirst();
    }
}
