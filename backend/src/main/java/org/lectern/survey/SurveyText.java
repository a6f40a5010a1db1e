package org.lectern.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.platform.InvalidInputException;

/**
 * Questions as staff type them on the page, one per line: {@code kind: prompt | option | option}. Kinds: {@code single},
 * {@code multiple}, {@code scale} or {@code scale 7} (the options are the two ends' labels), {@code short}, {@code long};
 * a {@code *} after the kind makes the question required. Blank lines and lines starting with {@code #} are skipped.
 * The result still goes through {@link SurveyRules#checkQuestions}.
 */
public final class SurveyText {

    private static final Pattern LINE = Pattern.compile("(?i)\\s*(single|multiple|scale(?:\\s+(\\d{1,2}))?|short|long)\\s*(\\*)?\\s*:(.*)");

    private SurveyText() {
    }

    public static List<SurveyQuestion> parse(String text) {
        List<SurveyQuestion> out = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException("Line " + (i + 1) + ": start with single:, multiple:, scale:, short: or long: "
                        + "(add * before the colon to require an answer).");
            }
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            List<String> parts = Arrays.stream(m.group(4).split("\\|", -1)).map(String::strip).toList();
            String prompt = parts.getFirst();
            List<String> options = parts.subList(1, parts.size());
            SurveyQuestion.Kind k = kind.startsWith("scale") ? SurveyQuestion.Kind.SCALE : switch (kind) {
                case "single" -> SurveyQuestion.Kind.SINGLE;
                case "multiple" -> SurveyQuestion.Kind.MULTIPLE;
                case "short" -> SurveyQuestion.Kind.SHORT_TEXT;
                default -> SurveyQuestion.Kind.LONG_TEXT;
            };
            Integer max = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            out.add(new SurveyQuestion(k, prompt, options, max, m.group(3) != null));
        }
        return SurveyRules.checkQuestions(out);
    }
}
