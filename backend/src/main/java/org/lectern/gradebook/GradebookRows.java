package org.lectern.gradebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.course.Member;
import org.lectern.latepolicy.Extension;
import org.lectern.latepolicy.LateDayLedger;
import org.lectern.latepolicy.LateItem;
import org.lectern.latepolicy.LedgerEntry;
import org.lectern.latepolicy.TeamLateDays;

/**
 * The gradebook's rows: per student and item, what the cell shows and why. An override wins; then an excused
 * item; then a hand-entered or reported score; then the autograded total rescaled to the item's points, after the
 * late-day ledger; a released item past its deadline with nothing counted is missing. A viewer sees only what
 * {@link ScoreVisibility} allows. Totals come from {@link GradeCalculator}, late days from {@link LateDayLedger}: the
 * members of a team who share a team item's version are charged together by the course's rule ({@link TeamLateDays}).
 */
public final class GradebookRows {

    /** One cell: the score after late penalties (null when none or not visible), and why. */
    public record ItemLine(String key, BigDecimal score, BigDecimal rawScore, BigDecimal max, int lateDays, BigDecimal penaltyPercent,
                           boolean dropped, boolean released, String status, String overrideReason) {
    }

    public record StudentRow(long accountId, String name, String email, String sisId, String section, Map<String, ItemLine> items,
                             int lateDaysUsed, int lateDaysRemaining, BigDecimal totalPercent, String letter, LateDayLedger lateDays) {
        public List<LedgerEntry> ledger() {
            return lateDays.entries();
        }
    }

    /** A score staff entered, a feature reported, or staff excused. */
    public record Entry(String itemKey, long accountId, BigDecimal score, boolean excused) {
    }

    /** A manual score that replaces everything else, with its reason. */
    public record Override(String itemKey, long accountId, BigDecimal score, String reason) {
    }

    /**
     * A student's counted submission to an assignment as its grader reported it ({@link ScoreReported.Work}): when it
     * was submitted, its total out of {@code possible} once graded (null while not), and the team whose version it is
     * (null: the student's own).
     */
    public record Counted(Instant submittedAt, BigDecimal total, BigDecimal possible, Long teamId) {
        public Counted(Instant submittedAt, BigDecimal total, BigDecimal possible) {
            this(submittedAt, total, possible, null);
        }
    }

    /**
     * An item that is an assignment: its deadline, whether its grades are released, the counted versions by student,
     * and the assignment's own points (its autograder's points plus its written questions' points; null: not known).
     */
    public record Assigned(Instant dueAt, boolean released, Map<Long, Counted> counted, BigDecimal assignmentPoints) {
        public Assigned(Instant dueAt, boolean released, Map<Long, Counted> counted) {
            this(dueAt, released, counted, null);
        }
    }

    private GradebookRows() {
    }

    /**
     * @param assigned   by item key, the items that are assignments
     * @param extensions by student account
     * @param staff      the viewer is course staff (else the one student of {@code students})
     */
    public static List<StudentRow> rows(PolicyDocument policy, List<Member> students, Map<String, Assigned> assigned, List<Entry> entries,
                                        List<Override> overrides, Map<Long, List<Extension>> extensions, boolean staff, ZoneId zone,
                                        Instant now) {
        GradingScheme scheme = policy.scheme();
        Map<String, Entry> entryOf = new HashMap<>();
        entries.forEach(e -> entryOf.put(e.itemKey().toLowerCase() + "/" + e.accountId(), e));
        Map<String, Override> overrideOf = new HashMap<>();
        overrides.forEach(o -> overrideOf.put(o.itemKey().toLowerCase() + "/" + o.accountId(), o));
        Map<String, BigDecimal> weightPerPoint = weightPerPoint(scheme);
        List<String> keys = scheme.items().stream().map(GradedItem::key).toList();
        Map<String, Boolean> released = new HashMap<>();
        Map<Long, List<LateItem>> lateOf = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> rawOf = new HashMap<>();
        Map<String, Map<Long, Set<Long>>> teams = new LinkedHashMap<>(); // item -> team -> members in these rows
        for (Member m : students) {
            List<LateItem> late = new ArrayList<>();
            Map<String, BigDecimal> raw = new HashMap<>();
            lateOf.put(m.accountId(), late);
            rawOf.put(m.accountId(), raw);
            for (GradedItem item : scheme.items()) {
                Assigned a = assigned.get(item.key());
                if (a == null) {
                    continue;
                }
                released.put(item.key(), a.released());
                Counted s = a.counted().get(m.accountId());
                if (s != null && s.teamId() != null) {
                    teams.computeIfAbsent(item.key(), k -> new LinkedHashMap<>()).computeIfAbsent(s.teamId(), k -> new HashSet<>())
                            .add(m.accountId());
                }
                BigDecimal points = null;
                Entry written = entryOf.get(ScoreReported.writtenPartOf(item.key()).toLowerCase() + "/" + m.accountId());
                if (!new ScoreVisibility(staff, a.released()).wholeScore()) {
                    points = null;
                } else if (written != null && written.score() != null) {
                    points = hybrid(s, written.score(), a.assignmentPoints(), item.pointsPossible());
                    raw.put(item.key(), points);
                } else if (s != null && s.total() != null) {
                    points = s.possible() == null || s.possible().signum() == 0 ? s.total()
                            : s.total().multiply(item.pointsPossible()).divide(s.possible(), MathContext.DECIMAL64);
                    raw.put(item.key(), points);
                }
                late.add(new LateItem(item.key(), item.pointsPossible(), points, a.dueAt().atZone(zone),
                        s == null ? null : s.submittedAt(), policy.rule(item.key()), weightPerPoint.getOrDefault(item.key(), BigDecimal.ONE)));
            }
        }
        List<TeamLateDays.TeamWork> teamWork = new ArrayList<>();
        teams.forEach((key, byTeam) -> byTeam.forEach((team, members) -> teamWork.add(new TeamLateDays.TeamWork(key, team, members))));
        Map<Long, LateDayLedger> ledgers = TeamLateDays.ledgers(policy.latePolicy(), policy.teamLateRule(), lateOf, extensions, teamWork);
        List<StudentRow> rows = new ArrayList<>();
        for (Member m : students) {
            Map<String, BigDecimal> raw = rawOf.get(m.accountId());
            LateDayLedger ledger = ledgers.get(m.accountId());
            Map<String, LedgerEntry> charged = new HashMap<>();
            ledger.entries().forEach(le -> charged.put(le.key(), le));
            Map<String, ItemScore> scores = new HashMap<>();
            for (GradedItem item : scheme.items()) {
                String k = item.key().toLowerCase() + "/" + m.accountId();
                Assigned a = assigned.get(item.key());
                ItemScore score = score(item, a, overrideOf.get(k), entryOf.get(k), charged.get(item.key()), m.accountId(), staff, now);
                if (score != null) {
                    scores.put(item.key(), score);
                }
            }
            CourseGrade grade = GradeCalculator.compute(scheme, scores);
            Map<String, ItemLine> lines = new LinkedHashMap<>();
            for (String key : keys) {
                ItemResult r = grade.item(key);
                LedgerEntry le = charged.get(key);
                ItemScore given = scores.get(key);
                BigDecimal score = given == null ? null : given.override() != null ? given.override().score() : given.earned();
                lines.put(key, new ItemLine(key, score, raw.get(key), r == null ? null : r.possible(),
                        le == null ? 0 : le.daysLate(), le == null ? BigDecimal.ZERO : le.penaltyPercent(),
                        r != null && r.dropped(), released.getOrDefault(key, given != null),
                        le != null && le.refused() ? le.status().name().toLowerCase() : r == null ? "" : r.status().name().toLowerCase(),
                        given != null && given.override() != null ? given.override().reason() : null));
            }
            rows.add(new StudentRow(m.accountId(), m.name(), m.email(), m.sisId(), m.section(), lines, ledger.daysUsed(),
                    ledger.daysRemaining(), grade.totalPercent(), grade.letter(), ledger));
        }
        return rows;
    }

    /** One student's cell before totals; null when it shows nothing. */
    private static ItemScore score(GradedItem item, Assigned a, Override o, Entry e, LedgerEntry le, long accountId, boolean staff,
                                   Instant now) {
        if (a != null && !new ScoreVisibility(staff, a.released()).wholeScore()) {
            return null; // unreleased: not even a hand-entered score or an override shows
        }
        if (o != null) {
            return ItemScore.overridden(o.score(), o.reason());
        }
        if (e != null && e.excused()) {
            return ItemScore.excusedScore();
        }
        if (e != null && e.score() != null) {
            return ItemScore.graded(e.score(), item.pointsPossible());
        }
        if (a == null) {
            return null;
        }
        if (le != null && le.finalScore() != null) {
            return ItemScore.graded(le.finalScore(), item.pointsPossible());
        }
        if (a.released() && now.isAfter(a.dueAt()) && (le == null || le.status().refused() || a.counted().get(accountId) == null)) {
            return ItemScore.missing();
        }
        return null;
    }

    /**
     * Hybrid items, the one place an assignment's written part meets its autograded part: once the written part is
     * graded (the {@link ScoreReported#writtenPartOf} entry, in the assignment's points), the item earns autograded
     * total + written total out of the assignment's points (autograder points + written points), scaled to the
     * policy's points; an autograded part not graded yet counts 0. Late days then apply to the sum, as to any
     * assignment. Before the written part is graded the item shows the autograded part as before.
     */
    static BigDecimal hybrid(Counted auto, BigDecimal written, BigDecimal assignmentPoints, BigDecimal policyPoints) {
        BigDecimal sum = written.add(auto == null || auto.total() == null ? BigDecimal.ZERO : auto.total());
        return assignmentPoints == null || assignmentPoints.signum() == 0 ? sum
                : sum.multiply(policyPoints).divide(assignmentPoints, MathContext.DECIMAL64);
    }

    /** What one point of an item is worth in its category, for the ledger's grade-maximising allocation. */
    private static Map<String, BigDecimal> weightPerPoint(GradingScheme scheme) {
        Map<String, BigDecimal> weightPerPoint = new HashMap<>();
        for (Category c : scheme.categories()) {
            c.shares().forEach((key, share) -> scheme.items().stream().filter(i -> i.key().equals(key)).findFirst()
                    .ifPresent(i -> weightPerPoint.put(key, i.pointsPossible().signum() == 0 ? BigDecimal.ZERO
                            : share.divide(i.pointsPossible(), MathContext.DECIMAL64))));
        }
        return weightPerPoint;
    }
}
