package org.lectern.plagiarism;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lectern.grading.plagiarism.Fragment;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** REST: plagiarism checks, for course staff only (students 403, non-members 404). */
@RestController
class PlagiarismController {

    /** {@code baseCodeWarning}: null when the starter files were base code; otherwise why the pairs are no evidence. */
    record CheckJson(long id, String state, String trigger, String phase, double progress, String outcome, String message,
                     int comparisons, int flaggedPairs, boolean report, Instant queuedAt, Instant startedAt, Instant finishedAt,
                     String baseCodeWarning) {
        static CheckJson of(PlagiarismCheckRun c) {
            return new CheckJson(c.id(), lower(c.state().name()), lower(c.trigger().name()), c.phase(), c.progress(), c.outcome(),
                    c.message(), c.comparisons(), c.flaggedPairs(), c.hasReport(), c.queuedAt(), c.startedAt(), c.finishedAt(),
                    c.baseCodeWarning());
        }
    }

    record PartyJson(String id, String label, String kind, String origin) {
        static PartyJson of(PairSummary.Party p) {
            return new PartyJson(p.id(), p.label(), lower(p.kind()), p.origin());
        }
    }

    record PairJson(long id, int rank, PartyJson first, PartyJson second, double averageSimilarity, double maximumSimilarity,
                    int matchedTokens, boolean flagged, Long caseId, String caseStatus) {
        static PairJson of(PairSummary p) {
            return new PairJson(p.id(), p.rank(), PartyJson.of(p.first()), PartyJson.of(p.second()), p.averageSimilarity(),
                    p.maximumSimilarity(), p.matchedTokens(), p.flagged(), p.caseId(), p.caseStatus() == null ? null : lower(p.caseStatus().name()));
        }
    }

    record CaseJson(long id, String partyA, String partyB, String labelA, String labelB, String status, String notes, String markedBy,
                    Instant markedAt, String decision, BigDecimal decisionScore, String decidedBy, Instant decidedAt) {
        static CaseJson of(IntegrityCase c) {
            return new CaseJson(c.id(), c.partyA(), c.partyB(), c.labelA(), c.labelB(), lower(c.status().name()), c.notes(), c.markedBy(),
                    c.markedAt(), c.decision(), c.decisionScore(), c.decidedBy(), c.decidedAt());
        }
    }

    /** {@code warning}: the shown pairs' check ran without the starter files as base code; read no pair as evidence. */
    record ResultsJson(long assignmentId, String warning, CheckJson latest, List<PairJson> pairs, List<ClusterSummary> clusters,
                       List<ParseProblemSummary> problems, List<CorpusEntry> corpus, List<CaseJson> cases) {
    }

    record PairDetailJson(String warning, PairJson pair, List<PairDetail.SideFile> firstFiles, List<PairDetail.SideFile> secondFiles,
                          List<Fragment> fragments, CaseJson integrityCase) {
    }

    record MarkJson(String status, String notes) {
    }

    record DecisionJson(String decision, BigDecimal score) {
    }

    private final PlagiarismService plagiarism;

    PlagiarismController(PlagiarismService plagiarism) {
        this.plagiarism = plagiarism;
    }

    @Operation(summary = "Start a plagiarism check (staff)")
    @ApiConflict("A check of this assignment is already running")
    @PostMapping("/api/v1/assignments/{assignmentId}/plagiarism-checks")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CheckJson run(@PathVariable long assignmentId) {
        return CheckJson.of(plagiarism.runCheck(assignmentId));
    }

    @Operation(summary = "The latest plagiarism check: ranked pairs, clusters, problems (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/plagiarism")
    ResultsJson results(@PathVariable long assignmentId) {
        PlagiarismResults r = plagiarism.results(assignmentId);
        return new ResultsJson(r.assignmentId(), r.baseCodeWarning(), r.latest().map(CheckJson::of).orElse(null),
                r.pairs().stream().map(PairJson::of).toList(),
                r.clusters(), r.problems(), r.corpus(), r.cases().stream().map(CaseJson::of).toList());
    }

    @Operation(summary = "Both sides of a plagiarism pair with the matched fragments (staff)")
    @GetMapping("/api/v1/plagiarism-pairs/{pairId}")
    PairDetailJson pair(@PathVariable long pairId) {
        PairDetail d = plagiarism.pair(pairId);
        return new PairDetailJson(d.baseCodeWarning(), PairJson.of(d.pair()), d.firstFiles(), d.secondFiles(), d.fragments(),
                d.integrityCase().map(CaseJson::of).orElse(null));
    }

    @Operation(summary = "JPlag's report of the latest check, for its report viewer (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/plagiarism/report.zip")
    ResponseEntity<byte[]> report(@PathVariable long assignmentId) {
        byte[] zip = plagiarism.report(assignmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plagiarism-report-" + assignmentId + ".zip\"").body(zip);
    }

    /**
     * Multipart. A reference: {@code kind=reference}, {@code label}, {@code origin} and one or more files (.py, .ipynb or a
     * zip). An earlier term: {@code kind=previous_term}, {@code term} and one zip with a folder per student.
     */
    @Operation(summary = "Add reference solutions or an earlier term's submissions to the corpus (instructors)")
    @ApiConflict("That earlier term was already imported")
    @PostMapping(value = "/api/v1/assignments/{assignmentId}/plagiarism/corpus", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CorpusEntry corpus(@PathVariable long assignmentId, MultipartHttpServletRequest request, @RequestParam("kind") String kind,
                       @RequestParam(value = "label", required = false) String label,
                       @RequestParam(value = "origin", required = false) String origin,
                       @RequestParam(value = "term", required = false) String term) throws IOException {
        List<PlagiarismService.Upload> files = new ArrayList<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                files.add(new PlagiarismService.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "reference" -> plagiarism.addReference(assignmentId, label, origin, files);
            case "previous_term", "previous-term" -> {
                if (files.size() != 1) {
                    throw new InvalidInputException("Send one zip with a folder per student.");
                }
                yield plagiarism.importPreviousTerm(assignmentId, term == null ? origin : term, files.getFirst().fileName(),
                        files.getFirst().content());
            }
            default -> throw new InvalidInputException("kind is reference or previous_term, not '" + kind + "'.");
        };
    }

    @Operation(summary = "List the assignment's plagiarism cases (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/plagiarism-cases")
    List<CaseJson> cases(@PathVariable long assignmentId) {
        return plagiarism.cases(assignmentId).stream().map(CaseJson::of).toList();
    }

    /** Body {"status": "confirmed", "notes": "…"}; status is dismissed, suspicious or confirmed. */
    @Operation(summary = "Mark a plagiarism pair: dismissed, suspicious or confirmed (staff)")
    @ApiConflict("The instructor has already decided this case")
    @PutMapping("/api/v1/plagiarism-pairs/{pairId}/case")
    CaseJson mark(@PathVariable long pairId, @RequestBody MarkJson body) {
        // An unknown status goes to the service as none: it checks the caller's role before it says so.
        CaseStatus status = Arrays.stream(CaseStatus.values())
                .filter(c -> body.status() != null && c.name().equalsIgnoreCase(body.status().strip()))
                .findFirst().orElse(null);
        return CaseJson.of(plagiarism.mark(pairId, status, body.notes()));
    }

    /** Body {"decision": "…", "score": 0}; score is optional (no gradebook change without it). */
    @Operation(summary = "Decide a plagiarism case, optionally with a gradebook score (instructors)")
    @PostMapping("/api/v1/plagiarism-cases/{caseId}/decision")
    CaseJson decide(@PathVariable long caseId, @RequestBody DecisionJson body) {
        return CaseJson.of(plagiarism.decide(caseId, body.decision(), body.score()));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
