package org.lectern.mail;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's mail jobs: the outbox sender (every {@code lectern.mail.send-every}) and the daily Q&A digest (at
 * {@code lectern.mail.digest-at}, UTC). db-scheduler runs each on one node at a time; the sender's claims keep two
 * replicas apart even if they overlap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmtpSettings.class, MailSettings.class})
class MailTaskConfiguration {

    @Bean
    RecurringTask<Void> mailSenderTask(ObjectProvider<OutboxSender> sender, MailSettings settings) {
        return Tasks.recurring("mail-sender", FixedDelay.of(settings.sendEvery())).execute((instance, ctx) -> sender.getObject().sendDue());
    }

    @Bean
    RecurringTask<Void> mailQaDigestTask(ObjectProvider<MailEvents> events, MailSettings settings) {
        return Tasks.recurring("mail-qa-digest", new Daily(ZoneOffset.UTC, settings.digestAt()))
                .execute((instance, ctx) -> events.getObject().sendDigests());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> mailStartRecurring(SchedulerClient client, List<RecurringTask<?>> tasks) {
        return event -> tasks.stream().filter(t -> t.getName().startsWith("mail-"))
                .forEach(t -> client.scheduleIfNotExists(t.schedulableInstance(RecurringTask.INSTANCE)));
    }
}
