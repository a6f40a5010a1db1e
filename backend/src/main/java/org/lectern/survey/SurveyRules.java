package org.lectern.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.lectern.platform.InvalidInputException;

/**
 * What makes a survey and an answer sheet valid. Answers are one string per question: a choice index for SINGLE,
 * comma-separated indices for MULTIPLE, 1..max for SCALE, the text for text questions; null or blank when skipped.
 * Answers come back normalised (indices sorted, text stripped) so equal answers are stored equally.
 */
public final class SurveyRules {

    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 20;
    static final int MAX_SHORT = 200;
    static final int MAX_LONG = 5000;

    private SurveyRules() {
    }

    public static List<SurveyQuestion> checkQuestions(List<SurveyQuestion> questions) {
        if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            throw new InvalidInputException("questions: a survey has 1 to " + MAX_QUESTIONS + " questions.");
        }
        List<SurveyQuestion> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion q = questions.get(i);
            String where = "Question " + (i + 1) + ": ";
            if (q == null || q.kind() == null) {
                throw new InvalidInputException(where + "needs a kind (single, multiple, scale, short text, long text).");
            }
            String prompt = q.prompt() == null ? "" : q.prompt().strip();
            if (prompt.isEmpty() || prompt.length() > 1000) {
                throw new InvalidInputException(where + "the prompt is 1 to 1000 characters.");
            }
            List<String> options = q.options().stream().map(o -> o == null ? "" : o.strip()).toList();
            if (q.isChoice() && (options.size() < 2 || options.size() > MAX_OPTIONS || options.stream().anyMatch(o -> o.isEmpty() || o.length() > 200))) {
                throw new InvalidInputException(where + "a choice question has 2 to " + MAX_OPTIONS + " non-empty options.");
            }
            Integer max = null;
            if (q.kind() == SurveyQuestion.Kind.SCALE) {
                max = q.scaleMax() == null ? 5 : q.scaleMax();
                if (max < 2 || max > 10) {
                    throw new InvalidInputException(where + "a scale goes from 1 to 2..10.");
                }
                if (options.size() > 2) {
                    throw new InvalidInputException(where + "a scale has at most two labels (its ends).");
                }
            } else if (q.isText()) {
                options = List.of();
            }
            out.add(new SurveyQuestion(q.kind(), prompt, options, max, q.required()));
        }
        return out;
    }

    /** The normalised answers, one per question (null where skipped); a clear message for the first bad one. */
    public static List<String> checkAnswers(List<SurveyQuestion> questions, List<String> answers) {
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() > questions.size()) {
            throw new InvalidInputException("There are more answers than questions.");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion q = questions.get(i);
            String raw = i < given.size() && given.get(i) != null ? given.get(i).strip() : "";
            String where = "Question " + (i + 1) + ": ";
            if (raw.isEmpty()) {
                if (q.required()) {
                    throw new InvalidInputException(where + "an answer is required.");
                }
                out.add(null);
                continue;
            }
            out.add(switch (q.kind()) {
                case SINGLE -> Integer.toString(index(raw, q.options().size(), where));
                case MULTIPLE -> {
                    TreeSet<Integer> picked = new TreeSet<>();
                    for (String part : raw.split(",")) {
                        picked.add(index(part.strip(), q.options().size(), where));
                    }
                    yield String.join(",", picked.stream().map(String::valueOf).toList());
                }
                case SCALE -> {
                    int v = integer(raw, where);
                    if (v < 1 || v > q.scaleMax()) {
                        throw new InvalidInputException(where + "pick 1 to " + q.scaleMax() + ".");
                    }
                    yield Integer.toString(v);
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    int max = q.kind() == SurveyQuestion.Kind.SHORT_TEXT ? MAX_SHORT : MAX_LONG;
                    if (raw.length() > max) {
                        throw new InvalidInputException(where + "at most " + max + " characters.");
                    }
                    yield raw;
                }
            });
        }
        return out;
    }

    /** The choice indices of a stored MULTIPLE or SINGLE answer. */
    static List<Integer> indices(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).map(Integer::parseInt).toList();
    }

    private static int index(String raw, int size, String where) {
        int i = integer(raw, where);
        if (i < 0 || i >= size) {
            throw new InvalidInputException(where + "no such option.");
        }
        return i;
    }

    private static int integer(String raw, String where) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + "'" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "' is not a valid choice.");
        }
    }
}
