package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.lectern.schedule.ScheduleService;

/** "Back to the lecture": the way from a page a lecture links to (an exercise, a live model) back to it on the schedule. */
public final class LectureLink {

    private LectureLink() {
    }

    /** The element id a link uses to land on a lecture's card on the schedule. */
    public static String anchorOf(long lectureId) {
        return "at-lecture-" + lectureId;
    }

    /** A link to the lecture's card on the schedule, or to the schedule when the item belongs to no lecture. */
    public static Component back(ScheduleService schedule, long courseId, Long lectureId) {
        String base = "courses/" + courseId + "/schedule";
        Anchor a = lectureId == null ? new Anchor(base, "Back to the schedule")
                : schedule.lectures(courseId).stream().filter(l -> l.id() == lectureId).findFirst()
                        .map(l -> new Anchor(base + "#" + anchorOf(l.id()), "Back to lecture " + l.number() + ": " + l.title()))
                        .orElse(new Anchor(base, "Back to the schedule"));
        a.setId("back-to-lecture");
        return new Span(a);
    }
}
