package org.lectern.written;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.lectern.grading.pdf.PdfPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WrittenConfiguration {

    /** Renders students' PDFs in a worker JVM started from this application (its fat jar or class path). */
    @Bean
    PdfPages pdfPages() {
        return PdfPages.forThisApplication();
    }

    /** Every 15 minutes, reminders of unmarked pages for written deadlines within a day (db-scheduler: one node at a time). */
    @Bean
    RecurringTask<Void> writtenRemindersTask(ObjectProvider<WrittenReminders> reminders) {
        return Tasks.recurring("written-reminders", FixedDelay.of(Duration.ofMinutes(15))).execute((instance, ctx) -> reminders.getObject().sendDue());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> writtenStartRecurring(SchedulerClient client, ObjectProvider<RecurringTask<Void>> tasks) {
        return event -> tasks.stream().filter(t -> t.getName().equals("written-reminders"))
                .forEach(t -> client.scheduleIfNotExists(t.schedulableInstance(RecurringTask.INSTANCE)));
    }
}
