package org.lectern.latepolicy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ledgers of students who share team items, under the course's {@link TeamLateRule}. Each member's items carry the
 * team's submission time, so {@link TeamLateRule#EACH_MEMBER} is every member's own {@link LateDayLedger}, unchanged.
 * <p>{@link TeamLateRule#SHARED_PENALTY}: for each team item, the team's penalised days are the most any member has
 * (the member with the fewest free days left, or refused); every other member may spend at most their days late
 * minus that, by a lower per-item maximum on that member's item, and the ledgers are computed again. Lowering one
 * item's days can only free days for other items, so the maxima only fall; the loop ends when none changes (at most
 * once per free day spent).
 */
public final class TeamLateDays {

    /** One team's submission to one item: the members it counts for. */
    public record TeamWork(String itemKey, long teamId, Set<Long> members) {
        public TeamWork {
            Objects.requireNonNull(itemKey, "itemKey");
            members = Set.copyOf(members);
        }
    }

    private TeamLateDays() {
    }

    /**
     * @param items      each student's items (their team items with the team's submission time)
     * @param extensions each student's extensions (a member's own extension moves only their deadline)
     * @param teamWork   which members share which item; members not in {@code items} are ignored
     * @return each student's ledger, in the order of {@code items}
     */
    public static Map<Long, LateDayLedger> ledgers(LatePolicy policy, TeamLateRule rule, Map<Long, List<LateItem>> items,
                                                    Map<Long, List<Extension>> extensions, List<TeamWork> teamWork) {
        Objects.requireNonNull(rule, "rule");
        Map<Long, Map<String, Integer>> caps = new HashMap<>();
        while (true) {
            Map<Long, LateDayLedger> ledgers = new LinkedHashMap<>();
            items.forEach((student, list) -> ledgers.put(student, LateDayLedger.compute(policy,
                    extensions.getOrDefault(student, List.of()), capped(policy, list, caps.getOrDefault(student, Map.of())))));
            if (rule == TeamLateRule.EACH_MEMBER || !lowerCaps(ledgers, teamWork, caps)) {
                return ledgers;
            }
        }
    }

    /** Lowers the maxima that let a member spend more than the team's penalty leaves; true when one changed. */
    private static boolean lowerCaps(Map<Long, LateDayLedger> ledgers, List<TeamWork> teamWork, Map<Long, Map<String, Integer>> caps) {
        boolean changed = false;
        for (TeamWork work : teamWork) {
            int shortfall = 0;
            for (long m : work.members()) {
                LedgerEntry e = entry(ledgers, m, work.itemKey());
                if (e != null) {
                    shortfall = Math.max(shortfall, e.daysPenalised());
                }
            }
            for (long m : work.members()) {
                LedgerEntry e = entry(ledgers, m, work.itemKey());
                if (e == null) {
                    continue;
                }
                int allowed = Math.max(0, e.daysLate() - shortfall);
                if (e.freeDaysApplied() > allowed) {
                    caps.computeIfAbsent(m, k -> new HashMap<>()).merge(work.itemKey(), allowed, Math::min);
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static LedgerEntry entry(Map<Long, LateDayLedger> ledgers, long member, String key) {
        LateDayLedger l = ledgers.get(member);
        return l == null ? null : l.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    private static List<LateItem> capped(LatePolicy policy, List<LateItem> items, Map<String, Integer> caps) {
        if (caps.isEmpty()) {
            return items;
        }
        return items.stream().map(i -> {
            Integer cap = caps.get(i.key());
            if (cap == null) {
                return i;
            }
            Integer limit = i.rule().freeDayLimit(policy);
            ItemRule rule = i.rule().withMaxDaysPerItem(limit == null ? cap : Math.min(limit, cap));
            return new LateItem(i.key(), i.pointsPossible(), i.rawScore(), i.deadline(), i.submittedAt(), rule, i.weightPerPoint());
        }).toList();
    }
}
