package org.lectern.announcement;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool task that announces a scheduled announcement at its time (retried a minute later on a failure). */
@Configuration(proxyBeanMethods = false)
class AnnouncementTaskConfiguration {

    @Bean
    OneTimeTask<Long> announcementPublishTask(AnnouncementService service) {
        return Tasks.oneTime(AnnouncementService.PUBLISH_TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> service.publishDue(instance.getData()));
    }
}
