package org.lectern.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.notebooks.Notebook;
import org.lectern.platform.ConflictException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.lectern.training.TrainingService;
import org.lectern.training.TrainingSettings;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class NotebookRunIT {

    @Autowired Coursework coursework;
    @Autowired TeamFormationService formation;
    @Autowired WorkspaceService workspaces;
    @Autowired NotebookRunService runs;
    @Autowired TrainingService training;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static String notebook(String... code) {
        StringBuilder cells = new StringBuilder();
        for (String c : code) {
            cells.append(cells.isEmpty() ? "" : ", ").append("{\"cell_type\": \"code\", \"source\": ")
                    .append(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(c))
                    .append(", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}");
        }
        return "{\"cells\": [" + cells + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "source": "# Training", "metadata": {}},
              {"cell_type": "code", "source": ["x = sum(range(10))\\n", "print('sum', x)"], "metadata": {}, "outputs": [], "execution_count": null},
              {"cell_type": "code", "source": "%matplotlib inline\\nprint(x * 2)", "metadata": {}, "outputs": [], "execution_count": null}
             ], "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}""";

    @Test
    void aMemberRunsANotebookOnThePoolAndTheExecutedNotebookIsANewVersion() {
        var s = coursework.setup(false);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Runners"));
        Team other = as(s.otherStudent(), () -> formation.start(s.courseId(), "Others"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "train.ipynb", NOTEBOOK.getBytes(UTF_8)));

        var run = as(s.student(), () -> runs.start(file.id()));
        assertThat(run.codeCells()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(s.student(), () -> runs.run(run.id())).ended());
        var done = as(s.student(), () -> runs.run(run.id()));
        assertThat(done.status()).as(done.problem()).isEqualTo("FINISHED");
        assertThat(done.cells()).extracting(ExecutedNotebook.Output::stdout).containsExactly("sum 45\n", "90\n");
        assertThat(done.packages()).first().asString().startsWith("python 3.");
        var executed = as(s.student(), () -> workspaces.file(done.resultFileId()));
        assertThat(executed.file().version()).isEqualTo(2);
        Notebook nb = Notebook.parse(executed.content());
        assertThat(nb.cells().get(1).executionCount()).isEqualTo(1);
        assertThat(new String(executed.content(), UTF_8)).contains("sum 45");

        // another team's student: no such run, no such team's runs, cannot start theirs
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.run(run.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No notebook run " + run.id() + ".");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.runs(team.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.start(file.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(s.ta(), () -> runs.runs(team.id()))).hasSize(1);
        assertThatThrownBy(() -> as(s.ta(), () -> runs.start(file.id()))).isInstanceOf(ConflictException.class);
        assertThat(other.id()).isNotEqualTo(team.id());
    }

    @Test
    void aRunMustFitTheTeamsWeeklyWorkerTime() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> training.updateSettings(s.courseId(), new TrainingSettings(600, 100)));
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Thrifty"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "train.ipynb", NOTEBOOK.getBytes(UTF_8)));
        assertThatThrownBy(() -> as(s.student(), () -> runs.start(file.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("your team Thrifty has 100 s left this week");
        assertThat(as(s.student(), () -> runs.runs(team.id()))).isEmpty();
    }

    @Test
    void aRunningCellsLinesAreSeenBeforeItEndsAndAMemberCancelsTheRun() {
        var s = coursework.setup(false);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Patient"));
        Team other = as(s.otherStudent(), () -> formation.start(s.courseId(), "Nosy"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "long.ipynb", notebook("print('setup done')",
                "import time\nprint('epoch 1: loss 2.30', flush=True)\ntime.sleep(600)\nprint('never')").getBytes(UTF_8)));
        var run = as(s.student(), () -> runs.start(file.id()));

        // the second cell has not ended (it sleeps far past the test), yet its first line is there
        var live = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(s.student(), () -> runs.run(run.id())), r -> r.runningCell() != null && r.runningCell() == 1
                        && r.cells().size() == 2 && r.cells().get(1).stdout().contains("epoch 1: loss 2.30"));
        assertThat(live.status()).isEqualTo("RUNNING");
        assertThat(live.cells().getFirst().stdout()).isEqualTo("setup done\n");

        // another team's student cannot see or stop it
        assertThatThrownBy(() -> as(s.otherStudent(), () -> runs.cancel(run.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("No notebook run " + run.id() + ".");
        assertThat(other.id()).isNotEqualTo(team.id());

        assertThat(as(s.student(), () -> runs.cancel(run.id())).cancelling()).isTrue();
        var done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(s.student(), () -> runs.run(run.id())), NotebookRunService.Run::ended);
        assertThat(done.status()).isEqualTo("CANCELLED");
        assertThat(done.problem()).startsWith("Cancelled by ").contains("after 1 of 2 cells");
        assertThat(done.runningCell()).isNull();
        assertThat(done.seconds()).isLessThan(120.0); // charged what it used, not its limit
        // the executed notebook keeps the finished cell's output
        assertThat(new String(as(s.student(), () -> workspaces.file(done.resultFileId())).content(), UTF_8)).contains("setup done");
        assertThatThrownBy(() -> as(s.ta(), () -> runs.cancel(run.id())))
                .isInstanceOf(ConflictException.class).hasMessage("This run has already ended (cancelled).");
    }

    @Test
    void aTeamsNotebookRunsCountInItsTrainingQuota() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> {
            training.addDataset(s.courseId(), "digits");
            return training.updateSettings(s.courseId(), new TrainingSettings(600, 150));
        });
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Busy"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "wait.ipynb",
                notebook("import time\ntime.sleep(600)").getBytes(UTF_8)));
        var run = as(s.student(), () -> runs.start(file.id()));
        try {
            // the run holds its 120 s limit of the team's 150 s: the playground sees 30 s left for the team
            var quota = as(s.student(), () -> training.quota(s.courseId()));
            assertThat(quota.team().heldSeconds()).isGreaterThanOrEqualTo(120);
            assertThat(quota.team().remainingSeconds()).isLessThanOrEqualTo(30.0);
            assertThatThrownBy(() -> as(s.student(), () -> training.start(s.courseId(),
                    new org.lectern.training.TrainingDraft("digits", "cnn-16", "sgd", 0.01, 1, 0.0, 50, null))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("your team Busy has");
        } finally {
            as(s.student(), () -> runs.cancel(run.id()));
        }
    }

    @Test
    void whenThePoolHasAGpuNodeARunGoesToItOnlyAndAQueuedRunIsCancelledAtOnce() {
        var s = coursework.setup(false);
        Team team = as(s.student(), () -> formation.start(s.courseId(), "Accelerated"));
        var file = as(s.student(), () -> workspaces.upload(team.id(), "gpu.ipynb", NOTEBOOK.getBytes(UTF_8)));
        jdbc.sql("insert into pool_node (name, can_run, claims, environments) values ('gpu-node-of-test', 'GPU present', 'notebook-run',"
                + " 'numpy,pytorch-cpu,pytorch-cuda')").update();
        NotebookRunService.Run run;
        try {
            run = as(s.student(), () -> runs.start(file.id()));
        } finally {
            jdbc.sql("delete from pool_node where name = 'gpu-node-of-test'").update();
        }
        assertThat(run.onGpu()).isTrue();
        // the job names the GPU environment, so this test's node (no GPU) leaves it queued
        assertThat(jdbc.sql("select environment from scheduled_tasks where task_name = 'notebook-run' and task_instance = ?")
                .param("notebook-" + run.id()).query(String.class).single()).isEqualTo("pytorch-cuda");
        assertThat(as(s.student(), () -> runs.run(run.id())).status()).isEqualTo("QUEUED");

        var cancelled = as(s.ta(), () -> runs.cancel(run.id()));
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.problem()).endsWith("before it started.");
        assertThat(cancelled.seconds()).isEqualTo(0.0);

        // with no GPU node, a run goes to any node
        var plain = as(s.student(), () -> runs.start(file.id()));
        assertThat(plain.environment()).isNull();
        as(s.student(), () -> runs.cancel(plain.id()));
    }
}
