package org.lectern.grading.plagiarism;

import java.util.List;
import java.util.Locale;

/** The languages a check can compare, with the file names each one reads. */
public enum SourceLanguage {

    /**
     * Python through JPlag's Python 3.6 grammar; notebooks are compared by their code cells. The minimum match of 12
     * tokens (JPlag's own default for Python) was chosen on real students' solutions: see {@link CheckOptions}.
     */
    PYTHON(List.of(".py", ".ipynb"), 12),

    /** Java through javac's parser (JPlag's Java module); 9 tokens is JPlag's own default for Java. */
    JAVA(List.of(".java"), 9);

    private final List<String> suffixes;
    private final int defaultMinimumTokenMatch;

    SourceLanguage(List<String> suffixes, int defaultMinimumTokenMatch) {
        this.suffixes = suffixes;
        this.defaultMinimumTokenMatch = defaultMinimumTokenMatch;
    }

    /** Lower-case file name endings that are compared; other files of a candidate are left out silently. */
    public List<String> suffixes() {
        return suffixes;
    }

    public int defaultMinimumTokenMatch() {
        return defaultMinimumTokenMatch;
    }

    /** Whether a file with this name is code in this language (a notebook counts as Python). */
    public boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(lower::endsWith);
    }

    static boolean isNotebook(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }
}
