package org.lectern.autograde;

import java.nio.file.Path;
import java.util.List;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.GradingMaterials;
import org.lectern.assignment.Visibility;

/** Runs one visibility group's pytest files against the student's code, in a fresh sandbox. */
public interface TestRunner {

    /** Why this worker cannot grade at all (no sandbox), or null when it can. */
    String unavailableReason();

    GroupOutcome run(Path studentFiles, Visibility visibility, List<GradingMaterials.TestFileContent> tests, Assignment.Limits limits);

    /** As above, with the autograder's support files for the tests' side and the student's side. */
    default GroupOutcome run(Path studentFiles, Visibility visibility, List<GradingMaterials.TestFileContent> tests,
                             List<GradingMaterials.TestFileContent> support, Assignment.Limits limits) {
        return run(studentFiles, visibility, tests, limits);
    }
}
