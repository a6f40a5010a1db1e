package org.lectern.plagiarism;

import java.util.List;
import java.util.Optional;
import org.lectern.grading.plagiarism.Fragment;

/**
 * One pair side by side: both parties' files as they were compared, and the matched fragments (fragment i lies in
 * {@code fragments.get(i).first()} on the first side and {@code .second()} on the second; lines are 1-based).
 * {@code baseCodeWarning}: the pair's check ran without the starter files as base code (see {@link PlagiarismCheckRun}).
 */
public record PairDetail(PairSummary pair, long courseId, long assignmentId, String assignmentName, boolean instructor,
                         List<SideFile> firstFiles, List<SideFile> secondFiles, List<Fragment> fragments,
                         Optional<IntegrityCase> integrityCase, String baseCodeWarning) {

    /** A file as it was compared: the file itself, or a notebook's code cells as Python with "# In[k]:" lines. */
    public record SideFile(String name, String text) {
    }
}
