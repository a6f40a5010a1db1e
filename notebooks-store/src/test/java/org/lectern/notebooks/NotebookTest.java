package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotebookTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    private final Notebook homework = Notebook.parse(NotebookJson.resource("homework.ipynb"));

    @Test
    void readsCellsInOrderWithTheirTypes() {
        assertThat(homework.cells()).extracting(Cell::type).containsExactly(
                Cell.Type.MARKDOWN, Cell.Type.CODE, Cell.Type.CODE, Cell.Type.CODE, Cell.Type.CODE, Cell.Type.RAW, Cell.Type.CODE);
        assertThat(homework.language()).isEqualTo("python");
    }

    @Test
    void joinsListFormSources() {
        assertThat(homework.cells().get(0).source())
                .isEqualTo("# Homework 1: linear regression\n\nFit a line with **numpy** and plot it.\n");
        assertThat(homework.cells().get(1).source()).isEqualTo("%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt");
        assertThat(homework.cells().get(4).source()).isEqualTo("1 / 0");
        assertThat(homework.cells().get(6).source()).isEmpty();
    }

    @Test
    void readsExecutionCounts() {
        assertThat(homework.cells()).extracting(Cell::executionCount).containsExactly(null, 1, 2, 3, 4, null, null);
    }

    @Test
    void readsStreamOutput() {
        assertThat(homework.cells().get(2).outputs()).containsExactly(
                new Output("stream", "slope 2.0\nintercept 1.0\n", null, null, null));
    }

    @Test
    void readsImageOutputWithoutLineBreaksInTheBase64() {
        Output image = homework.cells().get(3).outputs().getFirst();
        assertThat(image.kind()).isEqualTo("display_data");
        assertThat(image.pngBase64()).isEqualTo(PNG);
        assertThat(image.text()).isEqualTo("<Figure size 640x480 with 1 Axes>");
        assertThat(image.jpegBase64()).isNull();
    }

    @Test
    void readsErrorOutputWithoutAnsiCodes() {
        Output error = homework.cells().get(4).outputs().getFirst();
        assertThat(error.kind()).isEqualTo("error");
        assertThat(error.text())
                .startsWith("ZeroDivisionError: division by zero\n")
                .contains("ZeroDivisionError                         Traceback (most recent call last)")
                .contains("----> 1 1 / 0")
                .doesNotContain("\u001B");
    }

    @Test
    void readsHtmlAndJpegOutputs() {
        Notebook notebook = new NotebookJson().codeWithOutput("df", """
                {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                 "data": {"text/plain": ["   a\\n", "0  1"], "text/html": ["<table>", "<tr><td>1</td></tr></table>"],
                          "image/jpeg": "/9j/4AAQ"}}""").parse();
        assertThat(notebook.cells().getFirst().outputs()).containsExactly(
                new Output("execute_result", "   a\n0  1", "<table><tr><td>1</td></tr></table>", null, "/9j/4AAQ"));
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("{\"kernelspec\": {\"language\": \"R\"}, \"language_info\": {\"name\": \"python\"}}", "R"),
                Arguments.of("{\"language_info\": {\"name\": \"julia\"}}", "julia"),
                Arguments.of("{\"kernelspec\": {\"name\": \"python3\"}}", "python"),
                Arguments.of("{}", "python"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void findsTheLanguage(String metadata, String language) {
        String json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": " + metadata + ", \"cells\": []}";
        assertThat(Notebook.parse(json.getBytes(StandardCharsets.UTF_8)).language()).isEqualTo(language);
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] json = "\uFEFF{\"nbformat\": 4, \"cells\": []}".getBytes(StandardCharsets.UTF_8);
        assertThat(Notebook.parse(json).cells()).isEmpty();
    }

    @Test
    void treatsUnknownCellTypesAsRaw() {
        byte[] json = "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"heading\", \"source\": \"Title\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(Notebook.parse(json).cells()).containsExactly(new Cell(Cell.Type.RAW, "Title", List.of(), null));
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("{\"nbformat\": 4,\n \"cells\": [\n  {\"cell_type\": \"code\",}\n]}".getBytes(StandardCharsets.UTF_8),
                        "The notebook is not valid JSON: ", "(line 3)"),
                Arguments.of("{\"nbformat\": 4,\n \"cells\": [".getBytes(StandardCharsets.UTF_8),
                        "The notebook is not valid JSON: Unexpected end-of-input: expected close marker for Array (line 2).", "save it again"),
                Arguments.of(new byte[0], "The notebook file is empty", "save it again"),
                Arguments.of(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "The notebook is not UTF-8 text", "save it again"),
                Arguments.of("{\"nbformat\": 4, \"metadata\": {}}".getBytes(StandardCharsets.UTF_8),
                        "not a Jupyter notebook", "no \"cells\" list"),
                Arguments.of("[1, 2]".getBytes(StandardCharsets.UTF_8), "not a Jupyter notebook", "no \"cells\" list"),
                Arguments.of("{\"nbformat\": 3, \"worksheets\": []}".getBytes(StandardCharsets.UTF_8),
                        "old format version 3", "Save it as a Jupyter notebook version 4"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void explainsWhatIsWrong(byte[] json, String start, String detail) {
        assertThatThrownBy(() -> Notebook.parse(json))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageContaining(start)
                .hasMessageContaining(detail);
    }
}
