package org.lectern.grading.plagiarism;

import de.jplag.Language;
import de.jplag.ParsingException;
import de.jplag.Token;
import de.jplag.java.JavaLanguage;
import de.jplag.python3.PythonLanguage;
import de.jplag.python3.PythonParserAdapter;
import de.jplag.python3.grammar.Python3Parser;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * A JPlag language that parses a submission file by file, so that one file that does not parse costs only that file
 * (JPlag's own languages drop the whole submission), and that records each file's syntax errors for staff instead of
 * only logging them. Tokens are those of JPlag's Python or Java module, unchanged.
 *
 * <p>JPlag parses one submission after another, and parsing is most of a check's time (the Python grammar is slow):
 * {@link #parseAhead} parses all files on all cores first, and JPlag then takes the tokens from here.
 */
final class PerFileLanguage implements Language {

    /** What happened to one file: skipped (no tokens) or parsed with the given syntax errors (possibly none). */
    record FileReport(boolean skipped, List<String> errors) {
    }

    /** Parses one file; a new parser each call, so calls may run in parallel. */
    private interface FileParser {
        List<Token> parse(File file, boolean normalize, List<String> errors) throws ParsingException;
    }

    private record Parsed(List<Token> tokens, ParsingException failure) {
    }

    /**
     * Set the system property {@code lectern.plagiarism.stockPythonLexer=true} to lex with JPlag's lexer as it ships
     * (several times slower): for comparing against {@link StartCachingPython3Lexer} should a difference be suspected.
     */
    static final boolean STOCK_LEXER = Boolean.getBoolean("lectern.plagiarism.stockPythonLexer");

    private final Language delegate;
    private final FileParser parser;
    private final Map<File, FileReport> reports = new ConcurrentHashMap<>();
    private final Map<File, Parsed> ahead = new ConcurrentHashMap<>();
    private final Map<File, Integer> tokenCounts = new ConcurrentHashMap<>();

    private PerFileLanguage(Language delegate, FileParser parser) {
        this.delegate = delegate;
        this.parser = parser;
    }

    static PerFileLanguage of(SourceLanguage language) {
        return switch (language) {
            case PYTHON -> new PerFileLanguage(new PythonLanguage(),
                    (file, normalize, errors) -> new RecordingPythonParser(errors).parse(Set.of(file)));
            // JavaLanguage keeps the tokens of its current parse in a field: one instance per file.
            case JAVA -> new PerFileLanguage(new JavaLanguage(),
                    (file, normalize, errors) -> new JavaLanguage().parse(Set.of(file), normalize));
        };
    }

    /** Reports for files with a problem, keyed by the file as JPlag named it. */
    Map<File, FileReport> problems() {
        return Map.copyOf(reports);
    }

    /** Tokens each parsed file gave (its end token included), the way JPlag sizes a submission; 0 for a file that failed. */
    int tokenCount(File file) {
        return tokenCounts.getOrDefault(file, 0);
    }

    /** Parses the files in parallel, reporting the fraction done, so that {@link #parse} finds them ready. */
    void parseAhead(Collection<File> files, DoubleConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        files.parallelStream().forEach(file -> {
            ahead.put(file, parseOne(file, false));
            progress.accept(done.incrementAndGet() / (double) files.size());
        });
    }

    /** Drops the tokens parsed ahead once JPlag holds them. */
    void forgetParsedAhead() {
        ahead.clear();
    }

    private Parsed parseOne(File file, boolean normalize) {
        List<String> errors = new ArrayList<>();
        try {
            List<Token> tokens = parser.parse(file, normalize, errors);
            tokenCounts.put(file, tokens.size());
            if (!errors.isEmpty()) {
                reports.put(file, new FileReport(false, List.copyOf(errors)));
            }
            return new Parsed(tokens, null);
        } catch (ParsingException e) {
            errors.add(e.getMessage());
            reports.put(file, new FileReport(true, List.copyOf(errors)));
            return new Parsed(List.of(), e);
        }
    }

    @Override
    public List<Token> parse(Set<File> files, boolean normalize) throws ParsingException {
        List<File> ordered = files.stream().sorted(Comparator.comparing(File::getPath)).toList(); // JPlag passes a HashSet
        List<Token> tokens = new ArrayList<>();
        List<File> skipped = new ArrayList<>();
        List<ParsingException> failures = new ArrayList<>();
        for (File file : ordered) {
            Parsed parsed = ahead.get(file); // kept for a second JPlag run without base code; see forgetParsedAhead
            if (parsed == null) {
                parsed = parseOne(file, normalize);
            }
            if (parsed.failure() == null) {
                tokens.addAll(parsed.tokens());
            } else {
                skipped.add(file);
                failures.add(parsed.failure());
            }
        }
        if (!skipped.isEmpty() && skipped.size() == ordered.size()) {
            throw ParsingException.wrappingExceptions(failures); // nothing usable: JPlag marks the submission invalid
        }
        for (File file : skipped) {
            // JPlag sizes a submission as its tokens minus one end token per file; a skipped file still needs its end
            // token, or similarities come out above 100%.
            tokens.add(delegate.tokensHaveSemantics() ? Token.semanticFileEnd(file) : Token.fileEnd(file));
        }
        return tokens;
    }

    @Override
    public String[] suffixes() {
        return delegate.suffixes();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public String getIdentifier() {
        return delegate.getIdentifier(); // the report viewer picks its highlighting by this
    }

    @Override
    public int minimumTokenMatch() {
        return delegate.minimumTokenMatch();
    }

    @Override
    public boolean tokensHaveSemantics() {
        return delegate.tokensHaveSemantics();
    }

    @Override
    public boolean isPreformatted() {
        return delegate.isPreformatted();
    }

    @Override
    public boolean useViewFiles() {
        return delegate.useViewFiles();
    }

    @Override
    public String viewFileSuffix() {
        return delegate.viewFileSuffix();
    }

    @Override
    public boolean supportsNormalization() {
        return delegate.supportsNormalization();
    }

    @Override
    public boolean requiresCoreNormalization() {
        return delegate.requiresCoreNormalization();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /**
     * JPlag's Python parser with the faster lexer, and with ANTLR's syntax errors collected into a list: JPlag's adapter
     * replaces the parser's error listeners with one that only logs, and this parser puts the recording one in its place.
     */
    private static final class RecordingPythonParser extends PythonParserAdapter {
        private final ANTLRErrorListener recorder;

        RecordingPythonParser(List<String> errors) {
            recorder = new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                        RecognitionException e) {
                    errors.add("line %d:%d %s".formatted(line, column + 1, msg));
                }
            };
        }

        @Override
        protected Lexer createLexer(CharStream input) {
            Lexer lexer = STOCK_LEXER ? super.createLexer(input) : new StartCachingPython3Lexer(input);
            lexer.removeErrorListeners(); // ANTLR's default prints to stderr
            lexer.addErrorListener(recorder);
            return lexer;
        }

        @Override
        protected Python3Parser createParser(CommonTokenStream tokenStream) {
            return new Python3Parser(tokenStream) {
                @Override
                public void addErrorListener(ANTLRErrorListener listener) {
                    super.addErrorListener(recorder);
                }
            };
        }
    }
}
