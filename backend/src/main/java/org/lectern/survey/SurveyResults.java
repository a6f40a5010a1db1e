package org.lectern.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A survey's results for staff: counts per option or scale point, and the text answers. Text answers are listed in
 * alphabetical order, never in the order they were given, so their order says nothing about who wrote them.
 */
public record SurveyResults(Survey survey, int respondents, List<QuestionResult> questions) {

    public record Bar(String label, int count) {
    }

    public record QuestionResult(SurveyQuestion question, List<Bar> bars, List<String> texts) {
    }

    /** Pure: tallies answer sheets (each one string per question, as {@link SurveyRules#checkAnswers} stores them). */
    public static SurveyResults tally(Survey survey, List<List<String>> sheets) {
        List<QuestionResult> out = new ArrayList<>();
        for (int i = 0; i < survey.questions().size(); i++) {
            SurveyQuestion q = survey.questions().get(i);
            final int at = i;
            List<String> answers = sheets.stream().map(s -> at < s.size() ? s.get(at) : null).filter(a -> a != null).toList();
            List<Bar> bars = new ArrayList<>();
            List<String> texts = List.of();
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> {
                    int[] counts = new int[q.options().size()];
                    answers.forEach(a -> SurveyRules.indices(a).forEach(x -> counts[x]++));
                    for (int o = 0; o < counts.length; o++) {
                        bars.add(new Bar(q.options().get(o), counts[o]));
                    }
                }
                case SCALE -> {
                    int[] counts = new int[q.scaleMax()];
                    answers.forEach(a -> counts[Integer.parseInt(a) - 1]++);
                    for (int o = 0; o < counts.length; o++) {
                        String label = Integer.toString(o + 1);
                        if (o == 0 && !q.options().isEmpty()) {
                            label += " (" + q.options().getFirst() + ")";
                        } else if (o == counts.length - 1 && q.options().size() == 2) {
                            label += " (" + q.options().get(1) + ")";
                        }
                        bars.add(new Bar(label, counts[o]));
                    }
                }
                case SHORT_TEXT, LONG_TEXT -> texts = answers.stream().sorted(Comparator.naturalOrder()).toList();
            }
            out.add(new QuestionResult(q, List.copyOf(bars), texts));
        }
        return new SurveyResults(survey, sheets.size(), out);
    }
}
