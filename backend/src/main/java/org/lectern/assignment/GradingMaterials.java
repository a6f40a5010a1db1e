package org.lectern.assignment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.assignment.internal.AssignmentRepository;
import org.lectern.platform.blob.BlobStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a grading worker needs, read without a signed-in caller: the job queue acts for the system.
 * Only the grading pool (autograde, and the plagiarism checks) may use it (ArchitectureTest); people go through {@link AssignmentService}.
 */
@Component
public class GradingMaterials {

    /** A test file's bytes with its visibility and points (or a support file's, with its role). */
    public record TestFileContent(String fileName, byte[] content, Visibility visibility, BigDecimal points,
                                  FileRole role) {
    }

    private final AssignmentRepository repo;
    private final BlobStore blobs;

    GradingMaterials(AssignmentRepository repo, BlobStore blobs) {
        this.repo = repo;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public Optional<Assignment> assignment(long assignmentId) {
        return repo.byId(assignmentId);
    }

    /** Per-test visibility the autograder's manifest names (test name, as "test_x.py::test_y", to visibility). */
    @Transactional(readOnly = true)
    public java.util.Map<String, org.lectern.grading.TestVisibility> testVisibility(long autograderId) {
        return repo.testVisibility(autograderId);
    }

    /** The Python environment the assignment's runs need (picked by its instructor), if one was picked. */
    @Transactional(readOnly = true)
    public Optional<String> environment(long assignmentId) {
        return repo.environment(assignmentId);
    }

    @Transactional(readOnly = true)
    public Optional<Autograder> currentAutograder(long assignmentId) {
        return repo.currentAutograder(assignmentId);
    }

    @Transactional(readOnly = true)
    public Optional<Autograder> autograder(long autograderId) {
        return repo.autograder(autograderId);
    }

    /** The starter files handed out with the assignment (path to bytes): the base code of a plagiarism check. */
    @Transactional(readOnly = true)
    public Map<String, byte[]> starterFiles(long assignmentId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String[] s : repo.starters(assignmentId)) {
            files.put(s[0], blobs.get(s[1]).orElseThrow());
        }
        return files;
    }

    @Transactional(readOnly = true)
    public List<TestFileContent> tests(long autograderId, Visibility visibility) {
        Autograder a = repo.autograder(autograderId).orElseThrow();
        return a.tests().stream().filter(t -> t.role() == FileRole.TEST && t.visibility() == visibility)
                .map(t -> content(t)).toList();
    }

    /** The autograder's support files, for the tests' side and for the student's side, with every visibility group. */
    @Transactional(readOnly = true)
    public List<TestFileContent> supportFiles(long autograderId) {
        Autograder a = repo.autograder(autograderId).orElseThrow();
        return a.tests().stream().filter(t -> t.role() != FileRole.TEST).map(t -> content(t)).toList();
    }

    private TestFileContent content(Autograder.TestFile t) {
        return new TestFileContent(t.fileName(), blobs.get(t.sha256()).orElseThrow(), t.visibility(), t.points(), t.role());
    }
}
