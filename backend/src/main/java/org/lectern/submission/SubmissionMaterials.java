package org.lectern.submission;

import java.util.List;
import java.util.Optional;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.internal.SubmissionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submissions as the grading pool reads them, without a signed-in caller. Only the autograde feature
 * and the plagiarism job may use it (ArchitectureTest); people go through {@link SubmissionService}.
 */
@Component
public class SubmissionMaterials {

    private final SubmissionRepository repo;
    private final BlobStore blobs;

    SubmissionMaterials(SubmissionRepository repo, BlobStore blobs) {
        this.repo = repo;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public Optional<Submission> submission(long id) {
        return repo.byId(id);
    }

    @Transactional(readOnly = true)
    public List<StoredFile> files(long submissionId) {
        return repo.files(submissionId).stream().map(f -> new StoredFile(f[0], blobs.get(f[1]).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public List<Submission> counted(long assignmentId) {
        return repo.counted(assignmentId);
    }

    /** This person's counted version of the assignment, if they submitted (see the repository's one rule). */
    @Transactional(readOnly = true)
    public Optional<Submission> counted(long assignmentId, long accountId) {
        return repo.countedId(assignmentId, accountId).flatMap(repo::byId);
    }

    /** Who a version counts for: its team's members now (a team item), or the student who made it. */
    @Transactional(readOnly = true)
    public List<Long> countsFor(Submission s) {
        return repo.countsFor(s);
    }

    /** A team's name, for staff-facing labels ("Team 4" once the team is gone). */
    @Transactional(readOnly = true)
    public String teamName(long teamId) {
        return repo.teamName(teamId).orElse("Team " + teamId);
    }

    /** The same person's older versions than this one, except the one they chose to count (see the repository). */
    @Transactional(readOnly = true)
    public List<Long> olderVersionsNotChosen(long submissionId) {
        return repo.olderVersionsNotChosen(submissionId);
    }

    @Transactional(readOnly = true)
    public Optional<Submission> latestReference(long assignmentId) {
        return repo.latestReference(assignmentId);
    }
}
