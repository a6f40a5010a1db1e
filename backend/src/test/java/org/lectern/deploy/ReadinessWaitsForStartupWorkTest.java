package org.lectern.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Kubernetes readiness probe (/actuator/health/readiness) sends traffic to a replica only when its start-up work is
 * done: Flyway migrates while the context starts, and the demo course and the first site admin are made by
 * ApplicationRunners, during which Spring Boot still reports REFUSING_TRAFFIC.
 */
class ReadinessWaitsForStartupWorkTest {

    static final List<ReadinessState> SEEN = new ArrayList<>();

    @Configuration(proxyBeanMethods = false)
    @Import(ApplicationAvailabilityAutoConfiguration.class)
    static class App {
        @Bean
        ApplicationRunner slowStartupWork(ApplicationAvailability availability) {
            return args -> SEEN.add(availability.getReadinessState());
        }
    }

    @Test
    void readinessIsRefusedWhileStartupRunnersRun() throws Exception {
        for (String runner : List.of("org.lectern.demo.DemoCourse", "org.lectern.identity.AdminBootstrap")) {
            assertThat(ApplicationRunner.class.isAssignableFrom(Class.forName(runner))).as(runner).isTrue();
        }
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run()) {
            assertThat(SEEN).containsExactly(ReadinessState.REFUSING_TRAFFIC);
            assertThat(context.getBean(ApplicationAvailability.class).getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
