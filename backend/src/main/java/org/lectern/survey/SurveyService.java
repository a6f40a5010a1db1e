package org.lectern.survey;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.CsvCells;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.survey.internal.SurveyRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys: staff write questions, students answer once while it is open, staff read tallies, text answers and a CSV.
 * An anonymous survey keeps who answered (for credit and "answer once") apart from what was answered: the answers
 * are stored with no account, no time and a random id (see docs/ARCHITECTURE.md), and results list text answers
 * alphabetically. Participation credit goes to the gradebook as quizzes report theirs.
 */
@Service
public class SurveyService {

    /** What a student sees of a survey: the questions, whether it is open, whether they answered (and, if named, what). */
    public record ForStudent(Survey survey, boolean open, boolean answered, List<String> myAnswers) {
    }

    private final SurveyRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SurveyService(SurveyRepository repo, CourseAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Survey create(long courseId, SurveyDraft d) {
        var grant = access.staff(courseId);
        String shortName = d.shortName() == null ? "" : d.shortName().strip();
        if (!shortName.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new InvalidInputException("shortName: letters, digits, '-' and '_', at most 40 (it names the gradebook item).");
        }
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > 200) {
            throw new InvalidInputException("title: 1 to 200 characters.");
        }
        if (d.opensAt() == null || d.closesAt() == null || !d.closesAt().isAfter(d.opensAt())) {
            throw new InvalidInputException("opensAt and closesAt: the survey must close after it opens.");
        }
        if (d.points() != null && (d.points().signum() < 0 || d.points().compareTo(BigDecimal.valueOf(1000)) > 0)) {
            throw new InvalidInputException("points: 0 to 1000.");
        }
        var questions = SurveyRules.checkQuestions(d.questions());
        long id = repo.insert(courseId, d, questions, shortName, grant.caller().accountId())
                .orElseThrow(() -> new ConflictException("The course already has a survey named " + shortName + "."));
        if (hasCredit(d.points())) {
            events.publishEvent(new GradedItemDeclared(courseId, shortName, d.points(), d.category()));
        }
        audit.record(grant.caller().accountId(), courseId, "survey.created", id + " " + shortName + (d.anonymous() ? " anonymous" : ""));
        return repo.byId(id).orElseThrow();
    }

    /** Students see the surveys that have opened; staff see all. */
    @Transactional(readOnly = true)
    public List<Survey> surveys(long courseId) {
        var grant = access.member(courseId);
        var now = clock.instant();
        return repo.forCourse(courseId).stream().filter(s -> grant.isStaff() || !now.isBefore(s.opensAt())).toList();
    }

    @Transactional(readOnly = true)
    public ForStudent survey(long surveyId) {
        Survey s = load(surveyId);
        var grant = within(s.courseId(), s.id(), false);
        var now = clock.instant();
        if (!grant.isStaff() && now.isBefore(s.opensAt())) {
            throw notFound(surveyId);
        }
        long me = grant.caller().accountId();
        boolean answered = repo.hasAnswered(surveyId, me);
        List<String> mine = s.anonymous() ? null : repo.namedAnswers(surveyId, me).orElse(null);
        return new ForStudent(s, s.isOpen(now), answered, mine);
    }

    /** A student answers once, while the survey is open. */
    @Transactional
    public void answer(long surveyId, List<String> answers) {
        Survey s = load(surveyId);
        var grant = within(s.courseId(), s.id(), false);
        if (grant.isStaff()) {
            throw new ForbiddenException("Only students answer surveys.");
        }
        if (clock.instant().isBefore(s.opensAt())) {
            throw notFound(surveyId);
        }
        repo.lock(surveyId);
        if (!s.isOpen(clock.instant())) {
            throw new ConflictException("This survey closed at " + s.closesAt() + ".");
        }
        List<String> clean = SurveyRules.checkAnswers(s.questions(), answers);
        long me = grant.caller().accountId();
        if (!repo.markAnswered(surveyId, me)) {
            throw new ConflictException("You have already answered this survey.");
        }
        if (s.anonymous()) {
            repo.insertAnonymous(surveyId, clean);
        } else {
            repo.insertNamed(surveyId, me, clean);
        }
        if (hasCredit(s.points())) {
            events.publishEvent(new ScoreReported(s.courseId(), s.shortName(), me, s.points(), "survey"));
        }
        // No audit entry for anonymous answers: the log's time and order would link a person to a response.
        if (!s.anonymous()) {
            audit.record(me, s.courseId(), "survey.answered", Long.toString(surveyId));
        }
    }

    @Transactional(readOnly = true)
    public SurveyResults results(long surveyId) {
        Survey s = load(surveyId);
        within(s.courseId(), s.id(), true);
        return SurveyResults.tally(s, sheets(s));
    }

    /** Staff: who answered, by name; for anonymous surveys this is all that links people to the survey. */
    @Transactional(readOnly = true)
    public List<String> respondents(long surveyId) {
        Survey s = load(surveyId);
        within(s.courseId(), s.id(), true);
        return repo.respondents(surveyId);
    }

    /** One row per response; named surveys start with the student's name and e-mail, anonymous ones have neither. */
    @Transactional(readOnly = true)
    public String csv(long surveyId) {
        Survey s = load(surveyId);
        within(s.courseId(), s.id(), true);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            if (!s.anonymous()) {
                header.addAll(List.of("Student", "Email"));
            }
            s.questions().forEach(q -> header.add(q.prompt()));
            printer.printRecord(header.stream().map(CsvCells::safe).toList());
            if (s.anonymous()) {
                for (List<String> sheet : repo.anonymous(surveyId)) {
                    printer.printRecord(cells(s, sheet));
                }
            } else {
                for (var r : repo.named(surveyId)) {
                    List<String> row = new ArrayList<>(List.of(CsvCells.safe(r.name()), CsvCells.safe(r.email())));
                    row.addAll(cells(s, r.answers()));
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Choices as their labels, so the file reads without the survey beside it. */
    private static List<String> cells(Survey s, List<String> sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < s.questions().size(); i++) {
            SurveyQuestion q = s.questions().get(i);
            String a = i < sheet.size() ? sheet.get(i) : null;
            String cell = a == null ? "" : q.isChoice()
                    ? String.join("; ", SurveyRules.indices(a).stream().map(x -> q.options().get(x)).toList()) : a;
            cells.add(CsvCells.safe(cell));
        }
        return cells;
    }

    private List<List<String>> sheets(Survey s) {
        return s.anonymous() ? repo.anonymous(s.id()) : repo.named(s.id()).stream().map(SurveyRepository.Named::answers).toList();
    }

    private static boolean hasCredit(BigDecimal points) {
        return points != null && points.signum() > 0;
    }

    private Survey load(long id) {
        return repo.byId(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No survey " + id + ".");
    }

    /** The caller's grant in the course of something found by its id; outsiders get that thing's "not found", naming no course. */
    private CourseAccess.Grant within(long courseId, long id, boolean staff) {
        try {
            return staff ? access.staff(courseId) : access.member(courseId);
        } catch (NotFoundException e) {
            throw notFound(id);
        }
    }
}
