package org.lectern.ui.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.lectern.gradebook.PolicyDocument;

/**
 * Letter cut-offs as an instructor types them, one per line ("A 93", "B+ 87.5"). Only the shape is judged here;
 * the order and the 0 at the bottom are the grading scheme's rules, checked when the policy is saved.
 */
final class LetterLines {

    private LetterLines() {
    }

    /** The cut-offs, or null when a line is not a letter (1 to 5 characters) and a percent from 0 to 100. */
    static List<PolicyDocument.LetterJson> parse(String text) {
        List<PolicyDocument.LetterJson> out = new ArrayList<>();
        for (String line : text == null ? List.<String>of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("[\\s:=]+");
            if (parts.length != 2 || parts[0].length() > 5 || !parts[1].matches("\\d{1,3}(\\.\\d{1,2})?")) {
                return null;
            }
            BigDecimal min = new BigDecimal(parts[1]);
            if (min.compareTo(BigDecimal.valueOf(100)) > 0) {
                return null;
            }
            out.add(new PolicyDocument.LetterJson(parts[0], min));
        }
        return out;
    }

    static String format(List<PolicyDocument.LetterJson> letters) {
        return letters.stream().map(l -> l.letter() + " " + l.min().stripTrailingZeros().toPlainString()).collect(Collectors.joining("\n"));
    }
}
