package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotebookCodeTest {

    static Stream<Arguments> ipythonOnly() {
        return Stream.of(
                Arguments.of("%matplotlib inline\nimport numpy", "import numpy", 1, "%matplotlib inline", IPythonSyntax.LINE_MAGIC),
                Arguments.of("x = 0\n%time x = 1", "x = 0", 2, "%time x = 1", IPythonSyntax.LINE_MAGIC),
                Arguments.of("!pip install numpy\nimport numpy", "import numpy", 1, "!pip install numpy", IPythonSyntax.SHELL),
                Arguments.of("!ls", "", 1, "!ls", IPythonSyntax.SHELL),
                Arguments.of("!pip install \\\n    numpy\nx = 1", "x = 1", 1, "!pip install \\\n    numpy", IPythonSyntax.SHELL),
                Arguments.of("files = !ls\nprint(files)", "print(files)", 1, "files = !ls", IPythonSyntax.SHELL_ASSIGNMENT),
                Arguments.of("t = %timeit -o f()", "", 1, "t = %timeit -o f()", IPythonSyntax.SHELL_ASSIGNMENT),
                Arguments.of("len?", "", 1, "len?", IPythonSyntax.HELP),
                Arguments.of("np.array??", "", 1, "np.array??", IPythonSyntax.HELP),
                Arguments.of("?len", "", 1, "?len", IPythonSyntax.HELP),
                Arguments.of("get_ipython().run_line_magic('matplotlib', 'inline')\nx = 1", "x = 1", 1,
                        "get_ipython().run_line_magic('matplotlib', 'inline')", IPythonSyntax.GET_IPYTHON),
                Arguments.of("get_ipython().run_cell_magic('bash', '', '''\necho hi\n''')\nx = 1", "x = 1", 1,
                        "get_ipython().run_cell_magic('bash', '', '''\necho hi\n''')", IPythonSyntax.GET_IPYTHON),
                Arguments.of("if True:\n    %time f()", "if True:\n    pass", 2, "%time f()", IPythonSyntax.LINE_MAGIC),
                Arguments.of("for f in files:\n\t!rm {f}\n\tprint(f)", "for f in files:\n\tpass\n\tprint(f)", 2, "!rm {f}", IPythonSyntax.SHELL),
                Arguments.of("def f():\n    x = !ls\n    return 1", "def f():\n    pass\n    return 1", 2, "x = !ls", IPythonSyntax.SHELL_ASSIGNMENT),
                Arguments.of("%%time\nx = 1", "", 1, "%%time", IPythonSyntax.CELL_MAGIC),
                Arguments.of("\n  \n%%bash\necho hi\n%ls", "", 3, "%%bash", IPythonSyntax.CELL_MAGIC));
    }

    @ParameterizedTest
    @MethodSource("ipythonOnly")
    void dropsIPythonOnlySyntaxAndRecordsIt(String source, String kept, int line, String removed, String reason) throws Exception {
        CodeExtraction extraction = NotebookCode.extract(NotebookJson.codeCells(source));

        assertThat(extraction.python()).isEqualTo("# In[1]:\n" + (kept.isEmpty() ? "" : kept + "\n"));
        assertThat(extraction.removals()).containsExactly(new Removal(1, line, removed, reason));
        PythonSyntaxCheck.assertParses(extraction.python());
    }

    static Stream<String> plainPython() {
        return Stream.of(
                "x = 10 % 3",
                "a = 1\nb = 2\nprint(a != b)",
                "s = '''\n%not a magic\n!nor this\nwhy?\n'''",
                "s = \"\"\"Why?\n%s\"\"\" % 'x'",
                "y = (1\n% 2)",
                "z = [1,\n     2]\n",
                "x = 5 \\\n% 3",
                "print('what?')",
                "x = 1  # why?",
                "d = {'%': 1, '!': 2}",
                "s = 'it\\'s'\nt = \"%d\" % 3",
                "# %matplotlib inline is commented out");
    }

    @ParameterizedTest
    @MethodSource("plainPython")
    void keepsPlainPythonThatOnlyLooksLikeIPython(String source) throws Exception {
        CodeExtraction extraction = NotebookCode.extract(NotebookJson.codeCells(source));

        assertThat(extraction.removals()).isEmpty();
        assertThat(extraction.python()).isEqualTo("# In[1]:\n" + source.stripTrailing() + "\n");
        PythonSyntaxCheck.assertParses(extraction.python());
    }

    @Test
    void joinsCodeCellsUnderHeadersNumberedByTheirPositionInTheNotebook() {
        Notebook notebook = new NotebookJson().code("import os").markdown("# Part 2").code("%time x = 1").code("print(x)\n\n").parse();

        CodeExtraction extraction = NotebookCode.extract(notebook);

        assertThat(extraction.python()).isEqualTo("# In[1]:\nimport os\n\n\n# In[3]:\n\n\n# In[4]:\nprint(x)\n");
        assertThat(extraction.removals()).containsExactly(new Removal(3, 1, "%time x = 1", IPythonSyntax.LINE_MAGIC));
    }

    @Test
    void extractsTheHomeworkNotebookToParseablePython() throws Exception {
        CodeExtraction extraction = NotebookCode.extract(Notebook.parse(NotebookJson.resource("homework.ipynb")));

        assertThat(extraction.removals()).containsExactly(new Removal(2, 1, "%matplotlib inline", IPythonSyntax.LINE_MAGIC));
        assertThat(extraction.python())
                .startsWith("# In[2]:\nimport numpy as np\nimport matplotlib.pyplot as plt\n")
                .contains("# In[5]:\n1 / 0\n")
                .doesNotContain("raw <text>", "Homework 1");
        PythonSyntaxCheck.assertParses(extraction.python());
    }

    @Test
    void readsEachCellOnItsOwnSoAnOpenStringDoesNotHideTheNextCellsMagic() {
        CodeExtraction extraction = NotebookCode.extract(NotebookJson.codeCells("s = '''open", "%ls"));

        assertThat(extraction.removals()).extracting(Removal::cell).containsExactly(2);
    }

    @Test
    void wrapsPythonFilesUnchanged() {
        assertThat(NotebookCode.fromPython("%not_touched\n")).isEqualTo(new CodeExtraction("%not_touched\n", List.of()));
    }
}
