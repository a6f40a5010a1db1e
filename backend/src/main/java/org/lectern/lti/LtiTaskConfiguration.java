package org.lectern.lti;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's LTI jobs: the score sender (the outbox, every {@code lectern.lti.send-every}) and the
 * reconcile that compares every linked course's released scores with what was sent (catching changes
 * no event announces: a re-grade, an override). db-scheduler runs each on one node at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LtiSettings.class)
class LtiTaskConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LtiTaskConfiguration.class);

    @Bean
    RecurringTask<Void> ltiScoreSender(ObjectProvider<LtiGrades> grades, LtiSettings settings) {
        // Looked up when run: the services need the scheduler client, which needs the task list.
        return Tasks.recurring("lti-score-sender", FixedDelay.of(settings.sendEvery())).execute((instance, ctx) -> grades.getObject().sendDue());
    }

    @Bean
    RecurringTask<Void> ltiScoreReconcile(ObjectProvider<LtiGrades> gradesProvider, ObjectProvider<AccountService> accounts,
                                          LtiSettings settings) {
        return Tasks.recurring("lti-score-reconcile", FixedDelay.of(settings.reconcileEvery())).execute((instance, ctx) -> {
            LtiGrades grades = gradesProvider.getObject();
            grades.linkedCourses().forEach((courseId, linker) -> accounts.getObject().byId(linker).ifPresent(a -> {
                    try {
                        CurrentUser.runAs(a, () -> grades.queue(courseId, null));
                    } catch (RuntimeException e) {
                        log.warn("could not compare course {}'s scores with the LMS", courseId, e);
                    }
                }));
        });
    }

    /** Recurring jobs need a first execution row; scheduling is idempotent across nodes. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> ltiStartRecurring(SchedulerClient client, List<RecurringTask<?>> tasks) {
        return event -> tasks.stream().filter(t -> t.getName().startsWith("lti-"))
                .forEach(t -> client.scheduleIfNotExists(t.schedulableInstance(RecurringTask.INSTANCE)));
    }
}
