package org.lectern.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.schedule.internal.ScheduleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lecture schedule: weeks, lectures and the course items linked to them. */
@Service
public class ScheduleService {

    private final ScheduleRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final AuditLog audit;

    ScheduleService(ScheduleRepository repo, CourseAccess access, CourseService courses, AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public CourseSchedule schedule(long courseId) {
        var grant = access.member(courseId);
        List<CourseItem> items = visibleItems(grant, repo.items(courseId));
        var layout = ScheduleAssembler.assemble(grant.course().timeZone(), repo.weeks(courseId), repo.lectures(courseId), items);
        return new CourseSchedule(grant, layout.weeks(), courses.sections(courseId), layout.unplaced());
    }

    @Transactional(readOnly = true)
    public List<Lecture> lectures(long courseId) {
        access.member(courseId);
        return repo.lectures(courseId);
    }

    @Transactional(readOnly = true)
    public List<CourseItem> items(long courseId) {
        return visibleItems(access.member(courseId), repo.items(courseId));
    }

    @Transactional(readOnly = true)
    public List<Week> weeks(long courseId) {
        access.member(courseId);
        return repo.weeks(courseId);
    }

    @Transactional
    public Lecture addLecture(long courseId, LectureDraft draft) {
        var grant = access.instructor(courseId);
        int number = draft.number() == null ? repo.nextLectureNumber(courseId) : draft.number();
        Checked c = check(grant.course().timeZone(), draft, number);
        if (repo.lectureNumberTaken(courseId, number, null)) {
            throw new ConflictException("Lecture " + number + " already exists.");
        }
        long id = repo.insertLecture(courseId, number, c.start(), c.end(), c.title(), c.topics(), c.slides(), c.location());
        audit.record(grant.caller().accountId(), courseId, "lecture.added", number + " " + c.title());
        return repo.lecture(courseId, id).orElseThrow();
    }

    @Transactional
    public Lecture updateLecture(long courseId, long lectureId, LectureDraft draft) {
        var grant = access.instructor(courseId);
        Lecture old = repo.lecture(courseId, lectureId).orElseThrow(() -> new NotFoundException("No such lecture."));
        int number = draft.number() == null ? old.number() : draft.number();
        Checked c = check(grant.course().timeZone(), draft, number);
        if (repo.lectureNumberTaken(courseId, number, lectureId)) {
            throw new ConflictException("Lecture " + number + " already exists.");
        }
        repo.updateLecture(courseId, lectureId, number, c.start(), c.end(), c.title(), c.topics(), c.slides(), c.location());
        audit.record(grant.caller().accountId(), courseId, "lecture.updated", number + " " + c.title());
        return repo.lecture(courseId, lectureId).orElseThrow();
    }

    @Transactional
    public void deleteLecture(long courseId, long lectureId) {
        var grant = access.instructor(courseId);
        if (repo.deleteLecture(courseId, lectureId) == 0) {
            throw new NotFoundException("No such lecture.");
        }
        audit.record(grant.caller().accountId(), courseId, "lecture.deleted", Long.toString(lectureId));
    }

    /** Adds a week, or retitles and moves the week with that number. */
    @Transactional
    public Week saveWeek(long courseId, int number, String title, LocalDate startsOn) {
        var grant = access.instructor(courseId);
        if (number < 1) {
            throw new InvalidInputException("number", "Weeks are numbered from 1.");
        }
        if (startsOn == null) {
            throw new InvalidInputException("startsOn", "A week needs a start date.");
        }
        long id = repo.upsertWeek(courseId, number, title == null ? "" : title.strip(), startsOn);
        audit.record(grant.caller().accountId(), courseId, "week.saved", number + " " + title);
        return repo.weeks(courseId).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void deleteWeek(long courseId, long weekId) {
        var grant = access.instructor(courseId);
        if (repo.deleteWeek(courseId, weekId) == 0) {
            throw new NotFoundException("No such week.");
        }
        audit.record(grant.caller().accountId(), courseId, "week.deleted", Long.toString(weekId));
    }

    /** For features that plug into the schedule (assignments, quizzes, exercises): staff only. */
    @Transactional
    public CourseItem registerItem(long courseId, CourseItemDraft d) {
        var grant = access.staff(courseId);
        if (d.title() == null || d.title().isBlank()) {
            throw new InvalidInputException("A course item needs a title.");
        }
        if (d.lectureId() != null && repo.lecture(courseId, d.lectureId()).isEmpty()) {
            throw new InvalidInputException("Lecture " + d.lectureId() + " is not in this course.");
        }
        if (d.releaseAt() != null && d.dueAt() != null && d.dueAt().isBefore(d.releaseAt())) {
            throw new InvalidInputException("An item cannot be due before it is released.");
        }
        long id = repo.insertItem(courseId, d.kind(), d.shortName(), d.title().strip(), d.lectureId(), d.releaseAt(),
                d.dueAt(), d.route(), d.staffOnly());
        audit.record(grant.caller().accountId(), courseId, "item.registered", d.kind() + " " + d.title());
        return repo.item(courseId, id).orElseThrow();
    }

    /** For features whose release time changes after they registered their item (an assignment released early or moved). */
    @Transactional
    public void moveItemRelease(long courseId, long itemId, Instant releaseAt) {
        access.staff(courseId);
        repo.updateItemRelease(courseId, itemId, releaseAt);
    }

    private static List<CourseItem> visibleItems(CourseAccess.Grant grant, List<CourseItem> items) {
        if (grant.isStaff()) {
            return items;
        }
        // A student sees every item's title and dates (as on a syllabus page); the item's own feature guards its content.
        return items.stream().filter(i -> !i.staffOnly()).toList();
    }

    private record Checked(Instant start, Instant end, String title, String topics, String slides, String location) {
    }

    static Checked check(ZoneId zone, LectureDraft d, int number) {
        if (number < 1) {
            throw new InvalidInputException("number", "Lectures are numbered from 1.");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw new InvalidInputException("title", "A lecture needs a title.");
        }
        if (d.date() == null || d.start() == null || d.end() == null) {
            throw new InvalidInputException("A lecture needs a date, a start time and an end time.");
        }
        if (!d.end().isAfter(d.start())) {
            throw new InvalidInputException("end", "A lecture must end after it starts.");
        }
        String slides = d.slidesUrl() == null || d.slidesUrl().isBlank() ? null : d.slidesUrl().strip();
        if (slides != null && !isWebLink(slides)) {
            throw new InvalidInputException("slidesUrl", "The slides link must be an http(s) address.");
        }
        // Wall-clock times in the course's zone: a 10:00 lecture stays at 10:00 across daylight-saving changes.
        Instant start = ZonedDateTime.of(d.date(), d.start(), zone).toInstant();
        Instant end = ZonedDateTime.of(d.date(), d.end(), zone).toInstant();
        String location = d.location() == null || d.location().isBlank() ? null : d.location().strip();
        return new Checked(start, end, d.title().strip(), d.topics() == null ? "" : d.topics().strip(), slides, location);
    }

    static boolean isWebLink(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
