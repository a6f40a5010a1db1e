package org.lectern.livemodel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.lectern.livemodel.internal.LiveRequestRepository;
import org.lectern.platform.LecternProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveModelConfiguration.LiveSettings.class)
class LiveModelConfiguration {

    /**
     * {@code lectern.live.*}: whether this node answers live exercises for the pool (default yes; app replicas may
     * leave it to GPU workers), start its worker when the app is ready (default yes), how long an answer may take
     * when no node has taken the request (2 s) and when one has (15 s: it may be starting its worker), how long a
     * start may take (60 s), the worker's memory (768 MiB, a quarter of it Java heap).
     */
    @ConfigurationProperties(prefix = "lectern.live")
    record LiveSettings(Boolean serve, Boolean prewarm, Duration answerTimeout, Duration claimedAnswerTimeout,
                        Duration startTimeout, Long memoryMb) {
        LiveSettings {
            serve = serve == null || serve;
            prewarm = prewarm == null || prewarm;
            answerTimeout = answerTimeout == null ? Duration.ofSeconds(2) : answerTimeout;
            claimedAnswerTimeout = claimedAnswerTimeout == null ? Duration.ofSeconds(15) : claimedAnswerTimeout;
            startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
            memoryMb = memoryMb == null ? 768L : memoryMb;
        }
    }

    @Bean
    LiveAnswers liveAnswers(DataSource dataSource, LiveRequestRepository requests, LiveSettings settings,
                            ObjectProvider<MeterRegistry> metrics) {
        // lectern_live_answer_seconds: from asking to the answer (or refusal), on the asking replica.
        Timer timer = Timer.builder("lectern.live.answer").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30)).description("a live exercise's answer, asked to answered")
                .register(metrics.getIfAvailable(SimpleMeterRegistry::new));
        return new LiveAnswers(dataSource, requests, settings.answerTimeout(), settings.claimedAnswerTimeout(), timer);
    }

    @Bean
    @ConditionalOnProperty(prefix = "lectern.live", name = "serve", matchIfMissing = true, havingValue = "true")
    LiveRequestServer liveRequestServer(DataSource dataSource, LiveRequestRepository requests, LiveInferencePool pool) {
        String node = hostName() + "-" + ProcessHandle.current().pid();
        return new LiveRequestServer(dataSource, requests, pool, node);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    @Bean
    LiveInferencePool liveInferencePool(CourseModels models, LiveSettings settings, LecternProperties props) {
        return new LiveInferencePool(models, settings, props);
    }
}
