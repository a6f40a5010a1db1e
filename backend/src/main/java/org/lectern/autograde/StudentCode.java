package org.lectern.autograde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lectern.notebooks.CodeExtraction;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookCode;
import org.lectern.submission.StoredFile;

/**
 * Lays a submission out as importable Python: .py files as they are, each notebook's code cells as
 * {@code <name>.py} with IPython magics and shell escapes removed (and the removals listed for the
 * student). A single module is also importable as {@code submission}, which tests may rely on.
 */
final class StudentCode {

    record Layout(List<String> modules, List<String> removals) {
    }

    private StudentCode() {
    }

    static Layout write(List<StoredFile> files, Path dir) throws IOException {
        List<String> modules = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (StoredFile f : files) {
            Path target = dir.resolve(f.path()).normalize();
            if (!target.startsWith(dir)) {
                continue; // never happens: paths were checked on upload
            }
            Files.createDirectories(target.getParent());
            if (f.path().endsWith(".ipynb")) {
                Notebook notebook = Notebook.parse(f.content());
                // nbgrader test cells are the autograder's (run from the instructor's copy on the tests' side), never
                // part of the student's module: a failing assert there must not stop the student's code importing.
                if (notebook.cells().stream().anyMatch(c -> c.nbgrader() != null && c.nbgrader().isTest())) {
                    notebook = new Notebook(notebook.cells().stream()
                            .filter(c -> c.nbgrader() == null || !c.nbgrader().isTest()).toList(), notebook.language());
                }
                CodeExtraction code = NotebookCode.extract(notebook);
                String module = f.path().substring(0, f.path().length() - ".ipynb".length()) + ".py";
                Files.writeString(dir.resolve(module), code.python(), StandardCharsets.UTF_8);
                modules.add(module);
                code.removals().forEach(r -> removals.add(f.path() + " cell " + r.cell() + " line " + r.line() + ": "
                        + r.text().strip() + " (" + r.reason() + ")"));
            } else {
                Files.write(target, f.content());
                if (f.path().endsWith(".py")) {
                    modules.add(f.path());
                }
            }
        }
        if (modules.size() == 1 && !modules.getFirst().equals("submission.py")) {
            Files.copy(dir.resolve(modules.getFirst()), dir.resolve("submission.py"));
        }
        return new Layout(modules, removals);
    }
}
