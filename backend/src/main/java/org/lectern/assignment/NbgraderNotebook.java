package org.lectern.assignment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.notebooks.Cell;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookFormatException;
import org.lectern.platform.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An nbgrader assignment's source notebook (the instructor's copy, with solutions and hidden tests) as a Lectern
 * autograder, without rewriting it: its autograder test cells (metadata {@code nbgrader.grade} and not
 * {@code solution}) are the tests, each worth its {@code points}, kept in a support file and run on the tests' side
 * against the student's notebook (a cell passes when it raises nothing, as in nbgrader). A test cell with a
 * {@code ### BEGIN HIDDEN TESTS} region is shown to students only once grades are released. The student's copy of a
 * test cell is never run: {@code autograde.StudentCode} leaves test cells out of the student's module.
 */
public final class NbgraderNotebook {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUNNER = """
            # nbgrader test cells of the instructor's source notebook (nbgrader/tests.json), run on the tests' side against
            # the student's notebook; a cell passes when it raises nothing.
            import json
            import os
            import pytest
            import lectern_otter as cells

            with open(os.path.join(os.path.dirname(__file__), "nbgrader", "tests.json"), encoding="utf-8") as f:
                TESTS = json.load(f)


            @pytest.mark.parametrize("code", [
                pytest.param(t["code"], id=t["id"], marks=[pytest.mark.points(t["points"])]
                             + ([pytest.mark.visibility("after_published")] if t["hidden"] else []))
                for t in TESTS])
            def test_cell(code):
                cells.run_cell(code)
            """;

    private NbgraderNotebook() {
    }

    public static List<TestFileUpload> fromSource(byte[] ipynb) {
        Notebook notebook;
        try {
            notebook = Notebook.parse(ipynb);
        } catch (NotebookFormatException e) {
            throw new InvalidInputException("The nbgrader notebook could not be read: " + e.getMessage());
        }
        List<Map<String, Object>> tests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        int index = 0;
        for (Cell cell : notebook.cells()) {
            index++;
            if (cell.type() != Cell.Type.CODE || cell.nbgrader() == null || !cell.nbgrader().isTest()) {
                continue;
            }
            String id = cell.nbgrader().gradeId() == null ? "cell" + index : cell.nbgrader().gradeId().replaceAll("[^A-Za-z0-9_.-]", "_");
            if (!ids.add(id)) {
                throw new InvalidInputException("Two test cells have the grade_id " + id + ".");
            }
            boolean hidden = cell.source().contains("### BEGIN HIDDEN TESTS");
            String code = String.join("\n", cell.source().lines()
                    .filter(l -> !l.strip().equals("### BEGIN HIDDEN TESTS") && !l.strip().equals("### END HIDDEN TESTS")).toList());
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("id", id);
            test.put("code", code);
            test.put("points", cell.nbgrader().points());
            test.put("hidden", hidden);
            tests.add(test);
            total = total.add(BigDecimal.valueOf(cell.nbgrader().points()));
        }
        if (tests.isEmpty()) {
            throw new InvalidInputException("The notebook has no nbgrader test cells (code cells whose nbgrader metadata has "
                    + "\"grade\": true and \"solution\": false). Upload the source (instructor's) notebook.");
        }
        byte[] json = JSON.writeValueAsString(tests).getBytes(StandardCharsets.UTF_8);
        return List.of(
                new TestFileUpload("nbgrader/tests.json", json, null, null, FileRole.SUPPORT),
                new TestFileUpload("test_nbgrader.py", RUNNER.getBytes(StandardCharsets.UTF_8), Visibility.PUBLIC, total, FileRole.TEST));
    }
}
