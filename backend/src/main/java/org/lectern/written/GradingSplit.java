package org.lectern.written;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who grades which answer when an assignment's written grading is split among the TAs. Pure and deterministic: the
 * same roster and choices always give the same queues, so a TA's queue does not move under them between page loads.
 * <ul>
 *   <li>{@code NONE}: nobody is assigned; every TA grades from the shared queue.</li>
 *   <li>{@code SECTION}: a student's answers go to the TAs of the student's section (spread evenly when a section has
 *       several); a student with no section, or a section without a TA, is left to anyone.</li>
 *   <li>{@code QUESTION}: a question's answers go to the TAs the instructor named for it (spread evenly); a question
 *       with none named is left to anyone.</li>
 *   <li>{@code EVEN}: students in account order dealt round the TAs in account order, the same TA for all of a
 *       student's questions (one grader reads one student's whole PDF).</li>
 * </ul>
 */
public final class GradingSplit {

    public enum Mode { NONE, SECTION, QUESTION, EVEN;

        public static Mode parse(String s) {
            return s == null || s.isBlank() ? NONE : valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** A grader or a student with their section (null: none). */
    public record Person(long accountId, String section) {
    }

    /** One answer: a question and a student. */
    public record Answer(long questionId, long studentId) {
    }

    private GradingSplit() {
    }

    /** The grader of each answer; an answer missing from the map is anyone's. */
    public static Map<Answer, Long> assign(Mode mode, List<Person> tas, List<Person> students, List<Long> questions,
                                           Map<Long, Set<Long>> questionGraders) {
        Map<Answer, Long> out = new HashMap<>();
        List<Person> graders = tas.stream().sorted(Comparator.comparingLong(Person::accountId)).toList();
        List<Person> sortedStudents = students.stream().sorted(Comparator.comparingLong(Person::accountId)).toList();
        if (graders.isEmpty() || mode == Mode.NONE) {
            return out;
        }
        switch (mode) {
            case EVEN -> {
                for (int i = 0; i < sortedStudents.size(); i++) {
                    long ta = graders.get(i % graders.size()).accountId();
                    for (long q : questions) {
                        out.put(new Answer(q, sortedStudents.get(i).accountId()), ta);
                    }
                }
            }
            case SECTION -> {
                Map<String, List<Long>> bySection = new HashMap<>();
                graders.stream().filter(t -> section(t) != null)
                        .forEach(t -> bySection.computeIfAbsent(section(t), k -> new ArrayList<>()).add(t.accountId()));
                Map<String, Integer> dealt = new HashMap<>();
                for (Person s : sortedStudents) {
                    List<Long> own = section(s) == null ? null : bySection.get(section(s));
                    if (own == null) {
                        continue;
                    }
                    int k = dealt.merge(section(s), 1, Integer::sum) - 1;
                    long ta = own.get(k % own.size());
                    for (long q : questions) {
                        out.put(new Answer(q, s.accountId()), ta);
                    }
                }
            }
            case QUESTION -> {
                Set<Long> staff = graders.stream().map(Person::accountId).collect(java.util.stream.Collectors.toSet());
                for (long q : questions) {
                    List<Long> named = questionGraders.getOrDefault(q, Set.of()).stream().filter(staff::contains).sorted().toList();
                    if (named.isEmpty()) {
                        continue;
                    }
                    for (int i = 0; i < sortedStudents.size(); i++) {
                        out.put(new Answer(q, sortedStudents.get(i).accountId()), named.get(i % named.size()));
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Sections compare without case and surrounding spaces ("AA" and " aa" are one section). */
    private static String section(Person p) {
        return p.section() == null || p.section().isBlank() ? null : p.section().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code grader} should see the answer in "my queue": assigned to them, or to nobody. */
    public static boolean mine(Map<Answer, Long> assigned, Answer a, long grader) {
        Long who = assigned.get(a);
        return who == null || Objects.equals(who, grader);
    }
}
