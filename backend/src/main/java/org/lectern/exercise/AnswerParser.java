package org.lectern.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.platform.NumberLimits;

/**
 * Reads what a student typed into an {@link Answer} of a part's shape, or says in plain words what
 * is wrong with it. Never throws on bad input.
 * <p>Accepted numbers: {@code 1.5}, {@code -2}, {@code .5}, {@code 1e-3}, fractions {@code 3/4},
 * the typographic minus that KaTeX copies as (U+2212). Where a box holds a single number, also
 * {@code 1,5} (decimal comma) and {@code 3,145,728} or {@code 3 145 728} (thousands); a lone
 * {@code 1,500} is refused as ambiguous rather than guessed. Not accepted: NaN, Infinity, hex, and
 * numbers beyond {@link NumberLimits} (digits, exponent, length).
 * <p>Vectors as text: numbers separated by commas, spaces or semicolons, optionally in brackets.
 * Matrices as text: rows separated by semicolons or new lines ({@code 1, 2; 3, 4}), or NumPy style
 * ({@code [[1, 2], [3, 4]]}), or LaTeX style ({@code 1 & 2 \\ 3 & 4}). Cell-by-cell input goes
 * through {@link #parseCells} or {@link #parseRows}, which name each bad cell.
 * <p>Choices: the option's text, its letter (A, B, ...), or its 1-based number.
 */
public final class AnswerParser {

    private static final String NUM = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern FRACTION = Pattern.compile("(" + NUM + ")/(" + NUM + ")");
    private static final Pattern COMMA_THOUSANDS = Pattern.compile("[+-]?[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern ONE_COMMA_GROUP = Pattern.compile("[+-]?[1-9]\\d{0,2},\\d{3}");
    private static final Pattern SPACE_THOUSANDS = Pattern.compile("[+-]?[1-9]\\d{0,2}(?: \\d{3})+(?:\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern BRACKETED_ROW = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final String SEPARATOR_TIP = " Use a dot for decimals and commas, spaces or semicolons between numbers.";

    private AnswerParser() {
    }

    /** Reads a whole answer typed into one text field. */
    public static ParseResult parse(AnswerShape shape, String text) {
        String s = text == null ? "" : text.strip();
        return switch (shape) {
            case AnswerShape.Scalar scalar -> parseNumber(s);
            case AnswerShape.Vector vector -> parseVectorText(vector, s);
            case AnswerShape.Matrix matrix -> parseMatrixText(matrix, s);
            case AnswerShape.Choice choice -> parseChoice(choice, s);
        };
    }

    public static ParseResult parseNumber(String text) {
        Read read = read(text, true);
        return read.ok() ? new ParseResult.Parsed(Answer.number(read.value())) : new ParseResult.Invalid(capitalise(read.error()) + ".");
    }

    /**
     * Reads one string per cell, row-major (a vector's entries in order): what a grid of input boxes
     * gives. Every bad or empty cell is named.
     */
    public static ParseResult parseCells(AnswerShape shape, List<String> cells) {
        if (cells.size() != shape.cellCount()) {
            return new ParseResult.Invalid("Expected " + count(shape.cellCount(), "box") + " to be filled in, got " + cells.size() + ".");
        }
        return switch (shape) {
            case AnswerShape.Scalar scalar -> parseNumber(cells.getFirst());
            case AnswerShape.Choice choice -> parseChoice(choice, cells.getFirst() == null ? "" : cells.getFirst().strip());
            case AnswerShape.Vector vector -> readCells(shape, 1, cells, true);
            case AnswerShape.Matrix matrix -> readCells(shape, matrix.cols(), cells, true);
        };
    }

    /** Reads a grid of input boxes, one list per row. */
    public static ParseResult parseRows(AnswerShape.Matrix shape, List<List<String>> rows) {
        if (rows.size() != shape.rows()) {
            return new ParseResult.Invalid("Expected " + shape.rows() + " rows, got " + rows.size() + ".");
        }
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != shape.cols()) {
                return new ParseResult.Invalid("Row " + (r + 1) + " has " + count(rows.get(r).size(), "cell") + "; expected " + shape.cols() + ".");
            }
            cells.addAll(rows.get(r));
        }
        return parseCells(shape, cells);
    }

    /** The answer as text that {@link #parse} reads back: to prefill a field or log an attempt. */
    public static String format(AnswerShape shape, Answer answer) {
        if (!shape.fits(answer)) {
            throw new IllegalArgumentException(answer + " is not " + shape.describe());
        }
        return switch (answer) {
            case Answer.Choice(int index) -> ((AnswerShape.Choice) shape).options().get(index);
            case Answer.Numeric(NumberGrid g) -> switch (g.form()) {
                case SCALAR -> MathText.number(g.scalarValue(), 6);
                case VECTOR -> joinRow(g.toArray());
                case MATRIX -> String.join("; ", Arrays.stream(g.toMatrix()).map(AnswerParser::joinRow).toList());
            };
        };
    }

    private static String joinRow(double[] row) {
        return String.join(", ", Arrays.stream(row).mapToObj(v -> MathText.number(v, 6)).toList());
    }

    private static ParseResult parseVectorText(AnswerShape.Vector shape, String s) {
        if (s.isEmpty()) {
            return new ParseResult.Invalid("Enter " + shape.describe() + ".");
        }
        List<String> tokens = tokens(stripBrackets(s), "[,;\\s&]+|\\\\\\\\");
        if (tokens.size() != shape.length()) {
            return new ParseResult.Invalid("Expected " + shape.describe() + ", got " + tokens.size() + "."
                    + (s.contains(",") ? SEPARATOR_TIP : ""));
        }
        return readCells(shape, 1, tokens, false);
    }

    private static ParseResult parseMatrixText(AnswerShape.Matrix shape, String s) {
        if (s.isEmpty()) {
            return new ParseResult.Invalid("Enter " + shape.describe() + ".");
        }
        List<String> rows = new ArrayList<>();
        Matcher bracketed = BRACKETED_ROW.matcher(s);
        while (bracketed.find()) {
            rows.add(bracketed.group(1));
        }
        if (rows.size() < 2 && !s.startsWith("[[")) {
            rows = tokens(stripBrackets(s), ";|\\r?\\n|\\\\\\\\");
        }
        if (rows.size() != shape.rows()) {
            return new ParseResult.Invalid("Expected " + shape.rows() + " rows, got " + rows.size()
                    + ". Separate rows with a semicolon or a new line.");
        }
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = tokens(rows.get(r), "[,\\s&]+");
            if (row.size() != shape.cols()) {
                return new ParseResult.Invalid("Row " + (r + 1) + " has " + count(row.size(), "number") + "; expected " + shape.cols() + "."
                        + (rows.get(r).contains(",") ? SEPARATOR_TIP : ""));
            }
            cells.addAll(row);
        }
        return readCells(shape, shape.cols(), cells, false);
    }

    private static ParseResult readCells(AnswerShape shape, int cols, List<String> cells, boolean oneNumberPerCell) {
        double[] values = new double[cells.size()];
        List<ParseResult.CellError> errors = new ArrayList<>();
        int empty = 0;
        for (int i = 0; i < cells.size(); i++) {
            Read read = read(cells.get(i), oneNumberPerCell);
            String where = shape instanceof AnswerShape.Vector ? "Entry " + (i + 1) : "Row " + (i / cols + 1) + ", column " + (i % cols + 1);
            if (read.ok()) {
                values[i] = read.value();
            } else {
                if (read.empty()) {
                    empty++;
                }
                errors.add(new ParseResult.CellError(i / cols, i % cols, where + (read.empty() ? " is empty." : ": " + read.error() + ".")));
            }
        }
        if (!errors.isEmpty()) {
            String message;
            if (empty == errors.size() && empty > 1) {
                message = "Fill in every cell: " + empty + " are empty.";
            } else if (errors.size() == 1) {
                message = errors.getFirst().message();
            } else {
                message = errors.getFirst().message() + " " + (errors.size() - 1) + " more "
                        + (errors.size() == 2 ? "cell needs" : "cells need") + " fixing.";
            }
            return new ParseResult.Invalid(message, errors);
        }
        if (shape instanceof AnswerShape.Vector) {
            return new ParseResult.Parsed(Answer.vector(values));
        }
        double[][] rows = new double[values.length / cols][cols];
        for (int i = 0; i < values.length; i++) {
            rows[i / cols][i % cols] = values[i];
        }
        return new ParseResult.Parsed(Answer.matrix(rows));
    }

    private static ParseResult parseChoice(AnswerShape.Choice shape, String s) {
        List<String> options = shape.options();
        if (s.isEmpty()) {
            return new ParseResult.Invalid("Pick one of the options.");
        }
        String wanted = normaliseOption(s);
        for (int i = 0; i < options.size(); i++) {
            if (normaliseOption(options.get(i)).equals(wanted)) {
                return new ParseResult.Parsed(Answer.choice(i));
            }
        }
        char last = (char) ('A' + options.size() - 1);
        if (s.length() == 1 && Character.isLetter(s.charAt(0))) {
            int index = Character.toUpperCase(s.charAt(0)) - 'A';
            if (index >= 0 && index < options.size()) {
                return new ParseResult.Parsed(Answer.choice(index));
            }
            return new ParseResult.Invalid("There is no option " + s.toUpperCase(Locale.ROOT) + "; pick A to " + last + ".");
        }
        if (s.matches("\\d{1,3}")) {
            int index = Integer.parseInt(s) - 1;
            if (index >= 0 && index < options.size()) {
                return new ParseResult.Parsed(Answer.choice(index));
            }
            return new ParseResult.Invalid("There is no option " + s + "; pick 1 to " + options.size() + ".");
        }
        return new ParseResult.Invalid("\"" + s + "\" is not one of the options; pick A to " + last + ".");
    }

    private static String normaliseOption(String option) {
        return option.replace("$", "").replaceAll("\\s+", "").replace('\u2212', '-').toLowerCase(Locale.ROOT);
    }

    private static String stripBrackets(String s) {
        String t = s.strip();
        while (t.length() >= 2 && (t.startsWith("[") && t.endsWith("]") || t.startsWith("(") && t.endsWith(")"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static List<String> tokens(String s, String separators) {
        List<String> out = new ArrayList<>();
        for (String token : s.replaceAll("\\s*/\\s*", "/").split(separators)) {
            String t = stripBrackets(token);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private record Read(double value, String error, boolean empty) {
        boolean ok() {
            return error == null;
        }
    }

    /** One number; {@code alone} when it fills its own box, so commas can be thousands or decimals. */
    private static Read read(String raw, boolean alone) {
        String s = raw == null ? "" : raw.strip()
                .replace('\u2212', '-').replace('\u2013', '-').replace('\u2012', '-')
                .replace("$", "").strip();
        if (s.isEmpty()) {
            return new Read(0, "the answer is empty", true);
        }
        String quoted = "\"" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "\"";
        Optional<String> tooLong = NumberLimits.problem(s);
        if (tooLong.isPresent()) {
            return new Read(0, quoted + " " + tooLong.get(), false);
        }
        if (alone) {
            if (ONE_COMMA_GROUP.matcher(s).matches()) {
                String digits = s.replace(",", "");
                return new Read(0, quoted + " is ambiguous: write " + digits + " or " + s.replace(',', '.'), false);
            }
            if (COMMA_THOUSANDS.matcher(s).matches()) {
                s = s.replace(",", "");
            } else if (SPACE_THOUSANDS.matcher(s).matches()) {
                s = s.replace(" ", "");
            } else if (DECIMAL_COMMA.matcher(s).matches()) {
                s = s.replace(',', '.');
            }
        }
        s = s.replaceAll("\\s*/\\s*", "/");
        double value;
        if (NUMBER.matcher(s).matches()) {
            Optional<String> tooBig = NumberLimits.problemOfNumberText(s);
            if (tooBig.isPresent()) {
                return new Read(0, quoted + " " + tooBig.get(), false);
            }
            value = Double.parseDouble(s);
        } else {
            Matcher fraction = FRACTION.matcher(s);
            if (!fraction.matches()) {
                return new Read(0, quoted + " is not a number", false);
            }
            Optional<String> tooBig = NumberLimits.problemOfNumberText(fraction.group(1))
                    .or(() -> NumberLimits.problemOfNumberText(fraction.group(2)));
            if (tooBig.isPresent()) {
                return new Read(0, quoted + " " + tooBig.get(), false);
            }
            double denominator = Double.parseDouble(fraction.group(2));
            if (denominator == 0) {
                return new Read(0, quoted + " divides by zero", false);
            }
            value = Double.parseDouble(fraction.group(1)) / denominator;
        }
        if (!Double.isFinite(value)) {
            return new Read(0, quoted + " is too large", false);
        }
        return new Read(value, null, false);
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("x") ? noun + "es" : noun + "s");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
