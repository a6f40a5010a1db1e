package org.lectern.grading.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import de.jplag.ParsingException;
import de.jplag.Token;
import de.jplag.python3.PythonLanguage;
import de.jplag.python3.grammar.Python3Lexer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faster lexer must give exactly the stock lexer's tokens, and JPlag exactly its usual tokens. */
class StartCachingPython3LexerTest {

    @TempDir
    Path temp;

    /** Every fixture, the notebook as compared, and inputs where the start-of-input rule matters. */
    private List<String> sources() throws IOException, URISyntaxException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(Fixtures.class.getResource("/plagiarism").toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                sources.add(Files.readString(file));
            }
        }
        sources.add(NotebookPython.convert("n.ipynb", Fixtures.text("students/frank/assignment2.ipynb")).text());
        sources.addAll(List.of("", "\n", "   x = 1\n", "\n\n  \ny = 2\n", "\ufeffimport os\n", "if a:\n\tb = 1\n\tc = 2\n",
                "x = 1\r\ny = [1,\r\n  2]\r\n", "def f():\n    return 1", "# only a comment", "s = '''\n  x\n'''\nt = \"\\\"\"\n",
                "x = (1 +\n     2)\nif x:\n    pass\n  # odd comment\nelse:\n    y = x ** 2\n", "λ = 1\nnaïve = λ\n",
                "print(f'{x!r:>10}')\n", "if (n := 10) > 5:\n    pass\n", "x = $\n"));
        return sources;
    }

    private static List<String> tokens(Lexer lexer) {
        return lexer.getAllTokens().stream()
                .map(t -> t.getType() + "@" + t.getLine() + ":" + t.getCharPositionInLine() + "/" + t.getChannel() + " " + t.getText())
                .toList();
    }

    @Test
    void lexesExactlyLikeJPlagsLexer() throws IOException, URISyntaxException {
        for (String source : sources()) {
            Python3Lexer stock = new Python3Lexer(CharStreams.fromString(source));
            StartCachingPython3Lexer fast = new StartCachingPython3Lexer(CharStreams.fromString(source));
            stock.removeErrorListeners();
            fast.removeErrorListeners();
            assertThat(tokens(fast)).as(source).isEqualTo(tokens(stock));
        }
    }

    @Test
    void jplagTokensAreThoseOfJPlagsPythonLanguage() throws IOException, ParsingException, URISyntaxException {
        PythonLanguage stock = new PythonLanguage();
        PerFileLanguage perFile = PerFileLanguage.of(SourceLanguage.PYTHON);
        int n = 0;
        for (String source : sources()) {
            File file = temp.resolve("f" + n++ + ".py").toFile();
            Files.writeString(file.toPath(), source);
            assertThat(describe(perFile.parse(Set.of(file), false))).as(source).isEqualTo(describe(stock.parse(Set.of(file), false)));
        }
    }

    private static List<String> describe(List<Token> tokens) {
        return tokens.stream().map(t -> t.getType() + "@" + t.getLine() + ":" + t.getColumn() + "+" + t.getLength()).toList();
    }
}
