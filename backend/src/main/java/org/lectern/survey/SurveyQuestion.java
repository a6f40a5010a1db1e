package org.lectern.survey;

import java.util.List;

/**
 * One question of a survey.
 *
 * @param options the choices (SINGLE, MULTIPLE) or, for SCALE, the labels of its two ends (may be empty)
 * @param scaleMax SCALE: answers are 1..scaleMax (2 to 10); otherwise ignored
 */
public record SurveyQuestion(Kind kind, String prompt, List<String> options, Integer scaleMax, Boolean required) {

    public enum Kind { SINGLE, MULTIPLE, SCALE, SHORT_TEXT, LONG_TEXT }

    public SurveyQuestion {
        options = options == null ? List.of() : List.copyOf(options);
        required = Boolean.TRUE.equals(required); // left out of a JSON request: optional
    }

    public boolean isChoice() {
        return kind == Kind.SINGLE || kind == Kind.MULTIPLE;
    }

    public boolean isText() {
        return kind == Kind.SHORT_TEXT || kind == Kind.LONG_TEXT;
    }
}
