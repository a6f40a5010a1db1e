package org.lectern.schedule;

import java.time.Instant;
import io.swagger.v3.oas.annotations.Operation;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: a course's lectures, with times in the course's zone and the items linked to each. */
@RestController
@RequestMapping("/api/v1/courses/{courseId}")
class ScheduleController {

    record ItemJson(long id, String kind, String shortName, String title, String relation, String releaseAt, String dueAt) {
    }

    record LectureJson(long id, int number, int week, String startsAt, String endsAt, String title, String topics,
                       String slidesUrl, String location, List<ItemJson> items) {
    }

    private final ScheduleService schedule;

    ScheduleController(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @Operation(summary = "The lecture schedule")
    @GetMapping("/lectures")
    List<LectureJson> lectures(@PathVariable long courseId) {
        CourseSchedule s = schedule.schedule(courseId);
        ZoneId zone = s.grant().course().timeZone();
        return s.weeks().stream().flatMap(w -> w.lectures().stream().map(e -> {
            var l = e.lecture();
            var items = new ArrayList<ItemJson>();
            e.linked().forEach(i -> items.add(item(i, "linked", zone)));
            e.out().forEach(i -> items.add(item(i, "out", zone)));
            e.due().forEach(i -> items.add(item(i, "due", zone)));
            return new LectureJson(l.id(), l.number(), w.number(), iso(l.startsAt(), zone), iso(l.endsAt(), zone),
                    l.title(), l.topics(), l.slidesUrl(), l.location(), items);
        })).toList();
    }

    private static ItemJson item(CourseItem i, String relation, ZoneId zone) {
        return new ItemJson(i.id(), i.kind().name().toLowerCase(), i.shortName(), i.title(), relation,
                i.releaseAt() == null ? null : iso(i.releaseAt(), zone), i.dueAt() == null ? null : iso(i.dueAt(), zone));
    }

    private static String iso(Instant t, ZoneId zone) {
        return ZonedDateTime.ofInstant(t, zone).toOffsetDateTime().toString();
    }
}
