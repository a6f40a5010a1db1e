package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.lectern.People.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.ModelTaskDraft;
import org.lectern.identity.Account;
import org.lectern.identity.SiteRole;
import org.lectern.livemodel.LiveModelExerciseDraft;
import org.lectern.livemodel.LiveModelService;
import org.lectern.plagiarism.CaseStatus;
import org.lectern.plagiarism.PlagiarismCheckRun;
import org.lectern.plagiarism.PlagiarismService;
import org.lectern.poll.Poll;
import org.lectern.poll.PollDraft;
import org.lectern.poll.PollKind;
import org.lectern.poll.PollPhase;
import org.lectern.poll.PollService;
import org.lectern.submission.SubmissionService;
import org.lectern.testing.SamplePdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix ({@code authorization-matrix.psv}): every REST endpoint, called over real HTTP against
 * the test server and the real PostgreSQL by an anonymous caller, a student of the course, the student who owns the
 * resource, a student of another course, the TA, the instructor and a site admin who is not a member, each answer
 * compared with the table. The endpoints come from Spring's own handler mappings, so a new endpoint without a row
 * (or a row whose endpoint is gone) fails the test with the rows to add, in the table's format.
 * <p>Fixtures are made once: a released assignment with an autograder and two students' submissions, a model
 * assignment with its evaluation data, an open poll, an open quiz with the owner's attempt, an exercise, a live model
 * exercise, a team, a cancelled training run, a finished plagiarism check with a pair and a case. Roles call in
 * order from the least to the most privileged, with {} (or the row's body) as the body, so an allowed call is
 * usually judged on its input and changes nothing.
 */
@BackendTest
class AuthorizationMatrixIT {

    static final Path TABLE = Path.of("src/test/resources/authorization-matrix.psv");
    static final List<String> ROLES = List.of("anonymous", "student", "owner", "outsider", "ta", "instructor", "admin");
    static final Set<Integer> SERVED = Set.of(200, 201, 202, 204, 400, 409);

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired ModelAssignmentService models;
    @Autowired PollService polls;
    @Autowired LiveModelService live;
    @Autowired PlagiarismService plagiarism;
    @Autowired org.lectern.course.CourseService courseService;
    @Autowired org.lectern.workspace.WorkspaceService workspaces;
    @Autowired org.lectern.workspace.NotebookRunService notebookRuns;
    @Autowired org.lectern.extensionrequest.ExtensionRequestService extensionRequests;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Row(String method, String path, Map<String, String> cells, Map<String, String> use, int line) {
        String key() {
            return method + " " + path;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TABLE);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\|", -1);
            if (f.length != 10) {
                throw new AssertionError(TABLE + ":" + (i + 1) + ": expected 10 columns, found " + f.length + ": " + l);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int r = 0; r < ROLES.size(); r++) {
                cells.put(ROLES.get(r), f[2 + r].strip());
            }
            Map<String, String> use = new LinkedHashMap<>();
            for (String u : f[9].isBlank() ? new String[0] : f[9].split(";(?=[a-zA-Z?]+=)")) {
                int eq = u.indexOf('=');
                use.put(u.substring(0, eq).strip(), u.substring(eq + 1).strip());
            }
            rows.add(new Row(f[0].strip(), f[1].strip(), cells, use, i + 1));
        }
        return rows;
    }

    /** Every /api endpoint Spring serves, as "METHOD /path" (ANY when the handler takes every method). */
    Map<String, RequestMappingInfo> endpoints() {
        Map<String, RequestMappingInfo> out = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String p : info.getPatternValues()) {
                if (!p.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    out.put("ANY " + p, info);
                }
                methods.forEach(m -> out.put(m.name() + " " + p, info));
            }
        }
        return out;
    }

    @Test
    void theTableNamesEveryEndpointAndNothingElse() throws IOException {
        Set<String> table = new LinkedHashSet<>();
        rows().stream().filter(r -> !r.method().equals("ROUTE")).forEach(r -> table.add(r.key()));
        Set<String> served = endpoints().keySet();
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(table);
        Set<String> gone = new TreeSet<>(table);
        gone.removeAll(served);
        StringBuilder b = new StringBuilder();
        if (!missing.isEmpty()) {
            b.append("Endpoints without a row in ").append(TABLE).append(" (fill in the cells: ok, 401, 403, 404, or - for owner):\n");
            missing.forEach(k -> b.append(k.replace(' ', '|')).append("|401|?|-|404|?|?|?|\n"));
        }
        if (!gone.isEmpty()) {
            b.append("Rows for endpoints that no longer exist (remove them):\n");
            gone.forEach(k -> b.append(k.replace(' ', '|')).append('\n'));
        }
        assertThat(b.toString()).as("authorization matrix vs. Spring's handler mappings").isEmpty();
    }

    @Test
    void everyCellAnswersAsTheTableSays() throws Exception {
        Fixtures f = fixtures();
        Map<String, RequestMappingInfo> served = endpoints();
        RestCalls rest = new RestCalls(port);
        Map<String, String> tokens = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            if (row.method().equals("ROUTE") || !served.containsKey(row.key())) {
                continue; // the first test reports rows without endpoints
            }
            RequestMappingInfo info = served.get(row.key());
            for (String role : ROLES) {
                String expected = row.cells().get(role);
                if (expected.equals("-")) {
                    continue;
                }
                Account who = f.accounts().get(role);
                String token = who == null ? null : tokens.computeIfAbsent(role, r -> {
                    try {
                        return rest.token(who);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                String path = path(row, f.values());
                String method = row.method().equals("ANY") ? "GET" : row.method();
                HttpResponse<String> r = call(rest, method, path, token, row, info);
                if (!matches(expected, r.statusCode())) {
                    wrong.add(String.format("line %d %s %s as %s: expected %s, got %d %s", row.line(), row.method(), path, role, expected,
                            r.statusCode(), r.body() == null ? "" : r.body().substring(0, Math.min(160, r.body().length()))));
                }
                if (row.path().startsWith("/api/v1/tokens") && row.method().equals("DELETE")) {
                    tokens.remove(role); // that call revoked the token
                }
            }
        }
        assertThat(wrong).as("cells that answer otherwise than the table says").isEmpty();
    }

    static boolean matches(String expected, int status) {
        return expected.equals("ok") ? SERVED.contains(status) : Integer.parseInt(expected) == status;
    }

    static String path(Row row, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}").matcher(row.path().replace("/api/**", "/api/v1/no-such-endpoint"));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String fixture = row.use().getOrDefault(name, name);
            String v = values.get(fixture);
            if (v == null) {
                throw new AssertionError("line " + row.line() + ": no fixture named " + fixture + " (there are " + new TreeSet<>(values.keySet())
                        + "); add one in fixtures() or bind the variable with use, e.g. " + name + "=courseId");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        String query = row.use().get("?");
        if (query != null) {
            Matcher q = Pattern.compile("\\{([A-Za-z]+)}").matcher(query);
            StringBuilder qb = new StringBuilder();
            while (q.find()) {
                q.appendReplacement(qb, Matcher.quoteReplacement(values.get(q.group(1))));
            }
            q.appendTail(qb);
            b.append('?').append(qb);
        }
        return b.toString();
    }

    static HttpResponse<String> call(RestCalls rest, String method, String path, String token, Row row, RequestMappingInfo info)
            throws Exception {
        if (method.equals("GET") || method.equals("DELETE")) {
            return rest.send(method, path, token, null, (byte[]) null);
        }
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        boolean multipart = consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)
                || row.path().endsWith("/picture") || row.path().endsWith("/model-task");
        if (multipart) {
            String boundary = "----matrix";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nnot what it should be\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"manifest\"\r\n\r\n{}\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nreference\r\n"
                    + "--" + boundary + "--\r\n";
            return rest.send(method, path, token, "multipart/form-data; boundary=" + boundary, body);
        }
        if (consumes.stream().anyMatch(t -> t.getType().equals("text"))) {
            return rest.send(method, path, token, "text/csv", "email,score\n");
        }
        return rest.send(method, path, token, "application/json", row.use().getOrDefault("body", "{}"));
    }

    record Fixtures(Map<String, Account> accounts, Map<String, String> values) {
    }

    Fixtures fixtures() throws Exception {
        var s = coursework.setup(true);
        Account outsider = coursework.setup(false).student();
        Account admin = people.make("admin", SiteRole.ADMIN);
        Map<String, Account> accounts = new HashMap<>();
        accounts.put("student", s.otherStudent());
        accounts.put("owner", s.student());
        accounts.put("outsider", outsider);
        accounts.put("ta", s.ta());
        accounts.put("instructor", s.instructor());
        accounts.put("admin", admin);
        Map<String, String> v = new HashMap<>();
        v.put("courseId", Long.toString(s.courseId()));
        long a1 = s.assignment().id();
        v.put("assignmentId", Long.toString(a1));
        v.put("item", s.assignment().shortName());

        // Two students' versions of one program (renamed and reordered), so the plagiarism check finds a pair.
        long mine = as(s.student(), () -> submissions.submit(a1, "two_layer_net.py", resource("/plagiarism/students/alice/two_layer_net.py")))
                .submissionId();
        as(s.otherStudent(), () -> submissions.submit(a1, "two_layer_net.py", resource("/plagiarism/students/dana/two_layer_net.py")));
        v.put("submissionId", Long.toString(mine));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment m = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("M1", "Digits", "model",
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, null, null, null, null, null, null, null)));
        byte[] data = evaluationData();
        as(s.instructor(), () -> models.configure(m.id(), ModelTaskDraft.digits(), data));
        v.put("modelAssignment", Long.toString(m.id()));

        Poll p = as(s.instructor(), () -> polls.create(s.courseId(), new PollDraft(null, "Output width?", PollKind.NUMBER, List.of(), "4",
                null, 600, 600)));
        as(s.instructor(), () -> polls.advance(p.id(), PollPhase.THINK));
        v.put("pollId", Long.toString(p.id()));
        v.put("code", p.code());

        v.put("liveModel", Long.toString(as(s.instructor(), () -> live.create(s.courseId(),
                new LiveModelExerciseDraft(null, "LIVE", null, null))).id()));

        RestCalls rest = new RestCalls(port);
        String instructor = rest.token(s.instructor());
        String owner = rest.token(s.student());
        String base = "/api/v1/courses/" + s.courseId();
        v.put("exerciseId", id(rest.send("POST", base + "/exercises", instructor, "application/json",
                "{\"generatorKey\":\"conv-output-size\",\"shortName\":\"EX1\"}")));
        String quiz = id(rest.send("POST", base + "/quizzes", instructor, "application/json", """
                {"shortName": "Q1", "title": "Numbers", "openAt": "2024-01-19T09:30:00-08:00", "closeAt": "2099-01-19T13:30:00-08:00",
                 "questions": [{"kind": "numeric", "prompt": "Parameters?", "points": 2, "answer": 30730},
                               {"kind": "short_text", "prompt": "Distance?", "points": 2, "accepted": ["L2"]}]}"""));
        v.put("quizId", quiz);
        var attempt = RestCalls.json(rest.send("POST", "/api/v1/quizzes/" + quiz + "/attempt", owner, null, (byte[]) null).body());
        v.put("attemptId", attempt.get("id").asString());
        v.put("questionId", attempt.get("questions").get(0).get("questionId").asString());
        v.put("teamId", id(rest.send("POST", base + "/teams", instructor, "application/json",
                "{\"name\":\"T1\",\"members\":[\"" + s.student().email() + "\"]}")));
        v.put("accountId", Long.toString(s.instructor().id())); // not in the team: removing them changes nothing
        rest.send("POST", base + "/training/datasets", instructor, "application/json", "{\"key\":\"digits\"}");
        String run = id(rest.send("POST", base + "/training/runs", owner, "application/json", """
                {"dataset": "digits", "architecture": "linear", "optimizer": "adam", "learningRate": 0.003, "batchSize": 64,
                 "weightDecay": 0.0001, "epochs": 1}"""));
        rest.send("POST", base + "/training/runs/" + run + "/cancel", owner, null, (byte[]) null);
        v.put("runId", run);
        // A second token of the owner's, so that revoking it leaves the token the matrix calls with.
        v.put("tokenId", id(rest.send("POST", "/api/v1/tokens", null, "application/json",
                "{\"email\":\"" + s.student().email() + "\",\"password\":\"" + People.PASSWORD + "\",\"name\":\"matrix\"}")));

        as(s.instructor(), () -> plagiarism.runCheck(a1));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300))
                .until(() -> as(s.ta(), () -> plagiarism.latestCheck(a1)).map(PlagiarismCheckRun::finished).orElse(false));
        var pair = as(s.ta(), () -> plagiarism.results(a1)).pairs().getFirst();
        v.put("pairId", Long.toString(pair.id()));
        v.put("caseId", Long.toString(as(s.ta(), () -> plagiarism.mark(pair.id(), CaseStatus.SUSPICIOUS, "matrix")).id()));
        // Course communication: the owner's private question with a TA's answer, an announcement, an office-hours
        // session the owner is waiting in, the owner's uploaded picture, an open survey.
        String ta = rest.token(s.ta());
        v.put("postId", id(rest.send("POST", base + "/posts", owner, "application/json",
                "{\"title\": \"NaN in softmax\", \"body\": \"np.exp(x)\", \"privatePost\": true}")));
        v.put("answerId", id(rest.send("POST", "/api/v1/posts/" + v.get("postId") + "/answers", ta, "application/json",
                "{\"body\": \"Subtract the max.\"}")));
        v.put("announcementId", id(rest.send("POST", base + "/announcements", instructor, "application/json",
                "{\"title\": \"A1 released\", \"body\": \"Due Friday\"}")));
        v.put("sessionId", id(rest.send("POST", base + "/office-hours", ta, "application/json",
                "{\"location\": \"CSE2 152\", \"endsAt\": \"" + now.plus(2, ChronoUnit.HOURS) + "\"}")));
        v.put("entryId", RestCalls.json(rest.send("POST", "/api/v1/office-hours/" + v.get("sessionId") + "/join", owner,
                "application/json", "{\"topic\": \"Gradient check\"}").body()).get("waiting").get(0).get("id").asString());
        String image = rest.send("POST", base + "/posts/images", owner, "multipart/form-data; boundary=XyZ",
                CommunicationApiIT.multipart("shot.png", CommunicationApiIT.PNG)).body();
        Matcher imageUrl = Pattern.compile("/qa-images/([^\"/)]+)").matcher(image);
        if (!imageUrl.find()) {
            throw new AssertionError("fixture: no image address in " + image);
        }
        v.put("imageId", imageUrl.group(1));
        v.put("surveyId", id(rest.send("POST", base + "/surveys", instructor, "application/json", """
                {"shortName": "day1", "title": "First day", "anonymous": true, "opensAt": "%s", "closesAt": "%s",
                 "questions": [{"kind": "SHORT_TEXT", "prompt": "Time zone?"}]}""".formatted(now.minus(1, ChronoUnit.HOURS),
                now.plus(7, ChronoUnit.DAYS)))));
        // An LMS platform for the site admin's delete (the only caller allowed to remove it).
        String iss = "https://lms-" + admin.id() + ".matrix.example";
        v.put("platformId", id(rest.send("POST", "/api/v1/lti/platforms", rest.token(admin), "application/json",
                "{\"issuer\":\"" + iss + "\",\"clientId\":\"matrix\",\"deploymentIds\":[\"1\"],\"authLoginUrl\":\"" + iss
                        + "/auth\",\"authTokenUrl\":\"" + iss + "/token\",\"keysetUrl\":\"" + iss + "/jwks\"}")));
        // Written questions: one question of A1 with one rubric item; the owner is the student graded.
        v.put("writtenQuestionId", id(rest.send("POST", "/api/v1/assignments/" + a1 + "/written-questions", instructor, "application/json",
                "{\"title\": \"Derive the gradient\", \"points\": 4}")));
        v.put("rubricItemId", id(rest.send("POST", "/api/v1/written-questions/" + v.get("writtenQuestionId") + "/rubric", instructor,
                "application/json", "{\"points\": 4, \"text\": \"Correct\"}")));
        v.put("studentId", Long.toString(s.student().id()));
        // A written assignment with the owner's two-page PDF, for the page routes.
        Assignment w1 = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W1", "Written", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null,
                "Assignments", null)));
        String w1q = id(rest.send("POST", "/api/v1/assignments/" + w1.id() + "/written-questions", instructor, "application/json",
                "{\"title\": \"Explain\", \"points\": 10}"));
        v.put("pdfSubmission", Long.toString(as(s.student(), () -> submissions.submit(w1.id(), "answers.pdf",
                SamplePdfs.answers(2))).submissionId()));
        v.put("page", "1");
        // The owner's open regrade request on W1 (graded, released, window open), for the answer route.
        rest.send("PUT", "/api/v1/written-questions/" + w1q + "/grades/" + s.student().id(), instructor, "application/json", "{\"applied\": []}");
        as(s.instructor(), () -> assignments.releaseGrades(w1.id(), true));
        rest.send("PUT", "/api/v1/assignments/" + w1.id() + "/regrade-window", instructor, "application/json",
                "{\"opensAt\": \"" + now.minus(1, ChronoUnit.HOURS) + "\", \"closesAt\": \"" + now.plus(7, ChronoUnit.DAYS) + "\"}");
        v.put("regradeRequestId", id(rest.send("POST", "/api/v1/written-questions/" + w1q + "/regrade-requests", owner, "application/json",
                "{\"reason\": \"Please look again\"}")));
        // The owner's open extension request on W1 with a document (a PDF note), for the decision and document routes.
        v.put("extensionRequestId", Long.toString(as(s.student(), () -> extensionRequests.request(s.courseId(),
                new org.lectern.extensionrequest.ExtensionRequestService.Draft("W1", 2, "Ill, note attached"),
                new org.lectern.extensionrequest.ExtensionRequestService.Document("note.pdf", org.lectern.testing.SamplePdfs.answers(1)))).id()));
        // After the check, so the pair above is found without base code.
        as(s.instructor(), () -> assignments.uploadStarterFile(a1, "starter.py", "def knn(x):\n    pass\n".getBytes(UTF_8)));
        teamFormationFixtures(s, v, rest, owner);
        return new Fixtures(accounts, v);
    }

    /** Team formation: an invitation from the owner's team to a third student (no caller of the matrix); the other student's team. */
    void teamFormationFixtures(Coursework.Setup s, Map<String, String> v, RestCalls rest, String owner) throws Exception {
        Account third = people.user("third");
        as(s.instructor(), () -> courseService.addMember(s.courseId(),
                new org.lectern.course.NewMember("Third", third.email(), org.lectern.course.CourseRole.STUDENT, null)));
        v.put("invitationId", id(rest.send("POST", "/api/v1/teams/" + v.get("teamId") + "/invitations", owner, "application/json",
                "{\"who\":\"" + third.email() + "\"}")));
        v.put("otherTeam", id(rest.send("POST", "/api/v1/courses/" + s.courseId() + "/teams/start", rest.token(s.otherStudent()),
                "application/json", "{\"name\":\"T2\"}")));
        // Papers: one, presented by the owner's team, the owner playing its first role.
        String instructor = rest.token(s.instructor());
        v.put("paperId", id(rest.send("POST", "/api/v1/courses/" + s.courseId() + "/papers", instructor, "application/json",
                "{\"shortName\":\"P1\",\"title\":\"ResNet\",\"lectureAt\":\"2099-01-01T10:00:00Z\"}")));
        id(rest.send("PUT", "/api/v1/papers/" + v.get("paperId") + "/team", instructor, "application/json",
                "{\"teamId\":" + v.get("teamId") + "}"));
        id(rest.send("PUT", "/api/v1/papers/" + v.get("paperId") + "/roles", owner, "application/json",
                "{\"position\":0,\"accountId\":" + s.student().id() + "}"));
        v.put("position", "0");
        v.put("fileId", Long.toString(as(s.student(), () -> workspaces.upload(Long.parseLong(v.get("teamId")), "notes.md",
                "# Plan".getBytes(UTF_8))).id()));
        long notebook = as(s.student(), () -> workspaces.upload(Long.parseLong(v.get("teamId")), "run.ipynb", ("{\"cells\": [{\"cell_type\":"
                + " \"code\", \"source\": \"print(1)\", \"metadata\": {}, \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4,"
                + " \"nbformat_minor\": 5}").getBytes(UTF_8))).id();
        v.put("notebookRunId", Long.toString(as(s.student(), () -> notebookRuns.start(notebook)).id()));
        // Poster sessions: one for A1 (its written question is the rubric), staff scoring only, the owner's team in a slot.
        v.put("posterSessionId", id(rest.send("POST", "/api/v1/courses/" + s.courseId() + "/poster-sessions", instructor, "application/json",
                "{\"assignmentId\":" + s.assignment().id() + ",\"title\":\"Posters\",\"startsAt\":\"2099-01-01T17:00:00Z\"}")));
        id(rest.send("POST", "/api/v1/poster-sessions/" + v.get("posterSessionId") + "/slots", instructor, "application/json",
                "{\"teamId\":" + v.get("teamId") + "}"));
    }

    static String id(HttpResponse<String> created) {
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new AssertionError("fixture: " + created.statusCode() + " " + created.body());
        }
        return RestCalls.json(created.body()).get("id").asString();
    }

    static byte[] evaluationData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : new String[] {"data.json", "images.f32", "labels.csv"}) {
                zip.putNextEntry(new ZipEntry("digits-eval/" + f));
                zip.write(Files.readAllBytes(Path.of("..", "models", "digits-eval", f)));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] resource(String name) {
        try (var in = AuthorizationMatrixIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
