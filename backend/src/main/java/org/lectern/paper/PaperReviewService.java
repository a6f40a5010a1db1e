package org.lectern.paper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.gradebook.ScoreReported;
import org.lectern.paper.internal.PaperRepository;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly paper reviews: a student writes one per paper (summary, strengths, weaknesses, suggestions, questions for the
 * discussion), due when the paper's lecture starts and late by the course's policy ({@link ReviewRules}); staff grade
 * each with a score and a comment, reported to the gradebook under the paper's short name; the questions go, without
 * names, to the discussion leader (the presenting group) and staff.
 */
@Service
public class PaperReviewService {

    static final int MAX_PART = 8000;

    private final PaperRepository repo;
    private final PaperService papers;
    private final CourseAccess access;
    private final TeamService teams;
    private final GradingPolicyService policies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaperReviewService(PaperRepository repo, PaperService papers, CourseAccess access, TeamService teams, GradingPolicyService policies,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.papers = papers;
        this.access = access;
        this.teams = teams;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A student's review, written or rewritten until it is graded; late ones are kept with their days late. */
    @Transactional
    public Review submit(long paperId, ReviewDraft d) {
        Paper p = papers.paper(paperId);
        var grant = access.member(p.courseId());
        if (grant.isStaff()) {
            throw new InvalidInputException("Reviews are written by students.");
        }
        ReviewDraft text = judged(d);
        long me = grant.caller().accountId();
        Optional<PaperRepository.ReviewRow> before = repo.review(paperId, me);
        if (before.isPresent() && before.get().score() != null) {
            throw new ConflictException("Your review is graded; it can no longer change.");
        }
        Instant now = clock.instant();
        ReviewRules.Verdict verdict = verdict(p, now);
        verdict.refusal().ifPresent(r -> {
            throw new ConflictException(r);
        });
        repo.putReview(paperId, me, text, now);
        return mine(paperId).orElseThrow();
    }

    /** The caller's own review of the paper, if they wrote one. */
    @Transactional(readOnly = true)
    public Optional<Review> mine(long paperId) {
        Paper p = papers.paper(paperId);
        long me = access.member(p.courseId()).caller().accountId();
        return repo.review(paperId, me).map(r -> review(p, r));
    }

    /** Staff: every review of the paper, by name. */
    @Transactional(readOnly = true)
    public List<Review> reviews(long paperId) {
        Paper p = papers.paper(paperId);
        access.staff(p.courseId());
        return repo.reviews(paperId).stream().map(r -> review(p, r)).toList();
    }

    /** Staff: a review's score (0 to the paper's review points) and comment, reported to the gradebook. */
    @Transactional
    public Review grade(long paperId, long accountId, BigDecimal score, String comment) {
        Paper p = papers.paper(paperId);
        var grant = access.staff(p.courseId());
        BigDecimal s = PaperService.points(score);
        if (s.compareTo(p.reviewPoints()) > 0) {
            throw new InvalidInputException("This paper's reviews are out of " + p.reviewPoints().stripTrailingZeros().toPlainString() + ".");
        }
        if (repo.gradeReview(paperId, accountId, s, PaperService.comment(comment), grant.caller().accountId()) == 0) {
            throw new NotFoundException("That student wrote no review of this paper.");
        }
        events.publishEvent(new ScoreReported(p.courseId(), p.shortName(), accountId, s, "paper-review"));
        audit.record(grant.caller().accountId(), p.courseId(), "paper.review.graded", p.shortName() + " " + accountId + " " + s);
        return repo.review(paperId, accountId).map(r -> review(p, r)).orElseThrow();
    }

    /** The discussion leader (the presenting group) and staff: every review's questions, without names, in text order. */
    @Transactional(readOnly = true)
    public List<String> questions(long paperId) {
        Paper p = papers.paper(paperId);
        var grant = access.member(p.courseId());
        boolean presenting = p.teamId() != null && teams.myTeam(p.courseId()).map(t -> t.id() == p.teamId()).orElse(false);
        if (!grant.isStaff() && !presenting) {
            throw new ForbiddenException("The questions go to the group presenting the paper and to staff.");
        }
        // sorted by text: neither order nor names tie a question to its author
        return repo.reviews(paperId).stream().map(r -> r.text().questions().strip()).filter(q -> !q.isEmpty()).sorted().toList();
    }

    private ReviewRules.Verdict verdict(Paper p, Instant at) {
        PolicyDocument policy = policies.policy(p.courseId());
        var zone = access.member(p.courseId()).course().timeZone();
        return ReviewRules.judge(p.lectureAt().atZone(zone), at, policy.latePolicy(), policy.rule(p.shortName()));
    }

    private Review review(Paper p, PaperRepository.ReviewRow r) {
        int days = verdict(p, r.submittedAt()).daysLate();
        return new Review(r.paperId(), r.accountId(), r.name(), r.text().summary(), r.text().strengths(), r.text().weaknesses(),
                r.text().suggestions(), r.text().questions(), r.submittedAt(), days, r.score(), r.comment());
    }

    private static ReviewDraft judged(ReviewDraft d) {
        if (d == null) {
            throw new InvalidInputException("A review has a summary, strengths, weaknesses, suggestions and questions.");
        }
        String summary = part(d.summary(), "summary");
        if (summary.isEmpty()) {
            throw new InvalidInputException("A review needs at least its summary.");
        }
        return new ReviewDraft(summary, part(d.strengths(), "strengths"), part(d.weaknesses(), "weaknesses"),
                part(d.suggestions(), "suggestions"), part(d.questions(), "questions"));
    }

    private static String part(String text, String name) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_PART) {
            throw new InvalidInputException("The " + name + " takes at most " + MAX_PART + " characters.");
        }
        return t;
    }
}
