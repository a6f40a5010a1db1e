package org.lectern;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lectern: the web app, the REST API and (later) in-process grading workers, in one jar. */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Lectern", shortName = "Lectern")
public class LecternApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(LecternApplication.class);
        if (workerMode(args)) {
            // A grading worker: the same jar without a web server; it only takes jobs from the shared pool.
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("spring.autoconfigure.exclude", String.join(",",
                    "com.vaadin.flow.spring.SpringBootAutoConfiguration", "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                    "com.vaadin.flow.spring.VaadinApplicationConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig",
                    "com.vaadin.flow.spring.VaadinServletConfiguration")));
        }
        app.run(args);
    }

    static boolean workerMode(String[] args) {
        return Arrays.asList(args).contains("--lectern.worker=true") || "true".equalsIgnoreCase(System.getenv("LECTERN_WORKER"));
    }
}
