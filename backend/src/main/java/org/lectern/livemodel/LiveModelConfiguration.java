package org.lectern.livemodel;

import java.time.Duration;
import org.lectern.platform.LecternProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveModelConfiguration.LiveSettings.class)
class LiveModelConfiguration {

    /**
     * {@code lectern.live.*}: start the worker when the app is ready (default yes), how long an answer may take
     * (2 s), how long a start may take (60 s), the worker's memory (768 MiB, a quarter of it Java heap).
     */
    @ConfigurationProperties(prefix = "lectern.live")
    record LiveSettings(Boolean prewarm, Duration answerTimeout, Duration startTimeout, Long memoryMb) {
        LiveSettings {
            prewarm = prewarm == null || prewarm;
            answerTimeout = answerTimeout == null ? Duration.ofSeconds(2) : answerTimeout;
            startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
            memoryMb = memoryMb == null ? 768L : memoryMb;
        }
    }

    @Bean
    LiveInferencePool liveInferencePool(CourseModels models, LiveSettings settings, LecternProperties props) {
        return new LiveInferencePool(models, settings, props);
    }
}
