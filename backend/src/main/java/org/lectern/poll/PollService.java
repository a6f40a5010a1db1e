package org.lectern.poll;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.exercise.Answer;
import org.lectern.exercise.AnswerShape;
import org.lectern.exercise.ExerciseCatalog;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.NumberLimits;
import org.lectern.platform.audit.AuditLog;
import org.lectern.poll.internal.PollRepository;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live polls: staff open one from a lecture, students join by its code and vote once per round, the
 * projector and the phones follow pushed updates ({@link PollBroadcaster}). Each finished poll counts
 * toward the participation item of the gradebook.
 */
@Service
public class PollService {

    /** The gradebook item polls report to (the seeds' participation extra credit). */
    public static final String PARTICIPATION_ITEM = "participation";
    /** No 0/O or 1/I: codes are read off a projector and typed on phones. */
    static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;
    static final int DEFAULT_THINK_SECONDS = 90;   // the seed's "think 1.5 min"
    static final int DEFAULT_GROUP_SECONDS = 180;  // the seed's "group 3 min"

    private final PollRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ExerciseCatalog exerciseCatalog = ExerciseCatalog.standard();

    PollService(PollRepository repo, CourseAccess access, CourseService courses, ScheduleService schedule, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.schedule = schedule;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Poll create(long courseId, PollDraft draft) {
        PollDraft d = draft;
        var grant = access.staff(courseId);
        if ((d.question() == null || d.question().isBlank()) && d.kind() != PollKind.EXERCISE) {
            throw new InvalidInputException("A poll needs a question.");
        }
        if (d.question() != null && d.question().length() > 4000) {
            throw new InvalidInputException("The question is longer than 4000 characters.");
        }
        PollKind kind = d.kind() == null ? PollKind.CHOICE : d.kind();
        List<String> options = List.of();
        String correct = d.correct() == null || d.correct().isBlank() ? null : d.correct().strip();
        switch (kind) {
            case CHOICE -> {
                options = (d.options() == null ? List.<String>of() : d.options()).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
                if (options.size() < 2 || options.size() > 10) {
                    throw new InvalidInputException("A multiple-choice poll needs 2 to 10 options; it has " + options.size() + ".");
                }
                if (correct != null) {
                    int i = choiceIndex(correct, options.size(), "The correct answer");
                    correct = Integer.toString(i);
                }
            }
            case NUMBER -> {
                if (correct != null) {
                    correct = number(correct, "The correct answer").toPlainString();
                }
            }
            case EXERCISE -> {
                // One instance for the whole room; its first number or choice part is the question.
                String key = d.generatorKey() == null ? "" : d.generatorKey().strip();
                var generator = exerciseCatalog.find(key).orElseThrow(() ->
                        new InvalidInputException("generatorKey: no exercise generator '" + key + "'."));
                var instance = generator.generate(random.nextLong());
                var part = instance.parts().stream()
                        .filter(x -> x.shape() instanceof AnswerShape.Scalar || x.shape() instanceof AnswerShape.Choice).findFirst()
                        .orElseThrow(() -> new InvalidInputException(generator.title() + " asks for a vector or matrix; a poll takes a number "
                                + "or a choice. Pick another exercise."));
                String prompt = instance.prompt() + "\n\n" + part.question();
                String lead = d.question() == null || d.question().isBlank() ? "" : d.question().strip() + "\n\n";
                d = new PollDraft(d.lectureId(), lead + prompt, d.kind(), d.options(), d.correct(), generator.key(), d.thinkSeconds(),
                        d.groupSeconds());
                if (part.shape() instanceof AnswerShape.Choice c) {
                    kind = PollKind.CHOICE;
                    options = c.options();
                    correct = Integer.toString(((Answer.Choice) part.expected()).index());
                } else {
                    correct = BigDecimal.valueOf(((Answer.Numeric) part.expected()).values().scalarValue()).stripTrailingZeros().toPlainString();
                }
            }
        }
        int think = seconds(d.thinkSeconds(), DEFAULT_THINK_SECONDS, "Think");
        int group = seconds(d.groupSeconds(), DEFAULT_GROUP_SECONDS, "Group");
        Long id = null;
        for (int attempt = 0; attempt < 20 && id == null; attempt++) {
            id = repo.insert(courseId, d.lectureId(), newCode(), d.question().strip(), kind, options, correct, d.generatorKey(),
                    think, group, grant.caller().accountId()).orElse(null);
        }
        if (id == null) {
            throw new ConflictException("No free join code was found; try again.");
        }
        String title = d.question().strip().lines().findFirst().orElse("Poll");
        CourseItem item = schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.POLL, null,
                title.length() > 80 ? title.substring(0, 79) + "…" : title, d.lectureId(), null, null,
                "courses/" + courseId + "/polls/" + id, false));
        repo.setItem(id, item.id());
        audit.record(grant.caller().accountId(), courseId, "poll.created", id + " " + kind);
        return repo.byId(id).orElseThrow();
    }

    /** Staff only: the course's polls, newest first. */
    @Transactional(readOnly = true)
    public List<Poll> polls(long courseId) {
        access.staff(courseId);
        return repo.forCourse(courseId);
    }

    /** Staff only: the poll with its answer. */
    @Transactional(readOnly = true)
    public Poll poll(long pollId) {
        Poll p = repo.byId(pollId).orElseThrow(() -> new NotFoundException("No poll " + pollId + "."));
        access.staff(p.courseId());
        return p;
    }

    /** Moves a poll forward: DRAFT → THINK → (GROUP) → REVEAL → CLOSED. Staff only. */
    @Transactional
    public Poll advance(long pollId, PollPhase next) {
        Poll p = repo.lock(pollId).orElseThrow(() -> new NotFoundException("No poll " + pollId + "."));
        var grant = access.staff(p.courseId());
        if (!p.phase().canMoveTo(next)) {
            throw new ConflictException("The poll is at “" + p.phase().label() + "”; it cannot go to “" + next.label() + "”.");
        }
        repo.setPhase(pollId, next, clock.instant());
        repo.notifyPhase(pollId);
        audit.record(grant.caller().accountId(), p.courseId(), "poll.phase", pollId + " " + next);
        if (p.phase().ordinal() < PollPhase.REVEAL.ordinal() && next.ordinal() >= PollPhase.REVEAL.ordinal()) {
            reportParticipation(p.courseId());
        }
        return repo.byId(pollId).orElseThrow();
    }

    /** Joining by code: any member of the poll's course; others are told there is no such poll. */
    @Transactional(readOnly = true)
    public PollSnapshot join(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Poll p = repo.openByCode(c).orElseThrow(() -> new NotFoundException("No open poll has the code " + c + "."));
        try {
            access.member(p.courseId());
        } catch (NotFoundException | ForbiddenException e) {
            throw new NotFoundException("No open poll has the code " + c + ".");
        }
        return snapshot(p, access.member(p.courseId()));
    }

    /**
     * One vote for the current round. The database's key takes one vote per student and round, so a
     * double tap or a second tab cannot vote twice; the row lock (shared) keeps a vote from slipping
     * past a phase change.
     */
    @Transactional
    public PollSnapshot vote(long pollId, String answer) {
        Poll p = repo.lockShared(pollId).orElseThrow(() -> new NotFoundException("No poll " + pollId + "."));
        var grant = access.member(p.courseId());
        if (grant.role() != CourseRole.STUDENT) {
            throw new ForbiddenException("Staff run polls; students vote.");
        }
        int round = p.phase().round();
        if (round == 0) {
            throw new ConflictException("Voting is not open (" + p.phase().label().toLowerCase(Locale.ROOT) + ").");
        }
        if (!PollClock.acceptsVote(p.phase(), p.phaseStartedAt(), p.thinkSeconds(), p.groupSeconds(), clock.instant())) {
            throw new ConflictException("Time is up for this round.");
        }
        String normalised = switch (p.kind()) {
            case CHOICE -> Integer.toString(choiceIndex(answer, p.options().size(), "Your answer"));
            case NUMBER, EXERCISE -> number(answer, "Your answer").toPlainString();
        };
        if (!repo.vote(pollId, round, grant.caller().accountId(), normalised)) {
            throw new ConflictException("You have already voted in this round.");
        }
        repo.notifyVoted(pollId);
        events.publishEvent(new PollVoted(pollId));
        return snapshot(p, grant);
    }

    /** What the caller may see of the poll now. */
    @Transactional(readOnly = true)
    public PollSnapshot snapshot(long pollId) {
        Poll p = repo.byId(pollId).orElseThrow(() -> new NotFoundException("No poll " + pollId + "."));
        return snapshot(p, access.member(p.courseId()));
    }

    private PollSnapshot snapshot(Poll p, CourseAccess.Grant grant) {
        boolean staff = grant.isStaff();
        boolean revealed = p.phase().ordinal() >= PollPhase.REVEAL.ordinal();
        List<String> r1 = repo.answers(p.id(), 1);
        List<String> r2 = repo.answers(p.id(), 2);
        List<PollTally.Bar> bars1 = List.of();
        List<PollTally.Bar> bars2 = List.of();
        if (staff || revealed) {
            // The right answer is marked on the bars only once it is revealed, even on the projector.
            String correct = revealed ? p.correct() : null;
            bars1 = p.kind() == PollKind.CHOICE ? PollTally.choices(p.options(), r1, correct) : PollTally.numbers(r1, correct);
            bars2 = p.kind() == PollKind.CHOICE ? PollTally.choices(p.options(), r2, correct) : PollTally.numbers(r2, correct);
        }
        Instant now = clock.instant();
        long left = p.phaseStartedAt() == null ? 0 : PollClock.secondsLeft(p.phase(), p.phaseStartedAt(), p.thinkSeconds(),
                p.groupSeconds(), now);
        List<String> mine = staff ? Arrays.asList(null, null) : repo.myVotes(p.id(), grant.caller().accountId());
        // A draft is the instructor's until it opens: students waiting in the room see that it exists, not what it asks.
        boolean hidden = !staff && p.phase() == PollPhase.DRAFT;
        return new PollSnapshot(p.id(), p.courseId(), p.code(), hidden ? null : p.question(), p.kind(), hidden ? List.of() : p.options(),
                p.phase(), p.roundEndsAt(), left, staff, bars1, bars2, r1.size(), r2.size(), revealed ? p.correct() : null, mine);
    }

    /**
     * Participation = the share of the course's finished polls a student voted in, as percent points
     * of the participation item (out of 100). Reported for every student whenever a poll finishes.
     */
    private void reportParticipation(long courseId) {
        int finished = repo.finishedPolls(courseId);
        if (finished == 0) {
            return;
        }
        Map<Long, Long> voted = new HashMap<>();
        repo.participation(courseId).forEach(r -> voted.put(r[0], r[1]));
        for (var m : courses.roster(courseId)) {
            if (m.role() != CourseRole.STUDENT) {
                continue;
            }
            BigDecimal score = BigDecimal.valueOf(100L * voted.getOrDefault(m.accountId(), 0L))
                    .divide(BigDecimal.valueOf(finished), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
            events.publishEvent(new ScoreReported(courseId, PARTICIPATION_ITEM, m.accountId(), score, "poll"));
        }
    }

    private String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    private static int seconds(Integer given, int fallback, String phase) {
        int s = given == null ? fallback : given;
        if (s < 10 || s > 1800) {
            throw new InvalidInputException(phase + " time is 10 to 1800 seconds; it was " + s + ".");
        }
        return s;
    }

    private static int choiceIndex(String text, int options, String what) {
        try {
            int i = Integer.parseInt(text == null ? "" : text.strip());
            if (i >= 0 && i < options) {
                return i;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException(what + " must be one of the options (0 to " + (options - 1) + ").");
    }

    static BigDecimal number(String text, String what) {
        String t = text == null ? "" : text.strip().replace('−', '-');
        NumberLimits.problem(t).ifPresent(p -> {
            throw new InvalidInputException(what + " " + p + ".");
        });
        // A decimal comma is common on phones set to European locales.
        if (t.matches("-?\\d+,\\d+")) {
            t = t.replace(',', '.');
        }
        BigDecimal v = NumberLimits.parse(t, what);
        if (v.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            throw new InvalidInputException(what + " is too large.");
        }
        return v.stripTrailingZeros();
    }
}
