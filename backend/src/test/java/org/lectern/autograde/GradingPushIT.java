package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.platform.PgChannelListener;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A submission's page learns of its grading by push: queueing, running and ending its run NOTIFY the grading channel
 * with the submission's key; and the ended run's score reaches the gradebook as a reported work score.
 */
@BackendTest
class GradingPushIT {

    @Autowired DataSource dataSource;
    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired JdbcClient jdbc;

    @Test
    void aRunTellsItsPagesAsItMovesAndReportsItsScoreToTheGradebook() {
        List<String> heard = new CopyOnWriteArrayList<>();
        PgChannelListener listener = new PgChannelListener(dataSource, RunRepository.CHANNEL, heard::add, () -> { });
        listener.start(50, () -> { });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where query = 'LISTEN " + RunRepository.CHANNEL + "'").query(Integer.class).single() > 0);
            var s = coursework.setup(true);
            long id = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();
            String key = "s" + id;
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(key));

            await().atMost(Duration.ofMinutes(3)).until(() -> as(s.student(), () -> autograde.results(id)).finished());
            // queued, running, each group of tests, ended: the page redraws at each step
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().filter(key::equals).count() >= 3);

            var work = jdbc.sql("select score, possible from work_score where assignment_id = ? and account_id = ?")
                    .params(s.assignment().id(), s.student().id())
                    .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
            assertThat(work[0]).isEqualByComparingTo(work[1]);
            assertThat(work[1]).isPositive();
        } finally {
            listener.stop();
        }
    }
}
