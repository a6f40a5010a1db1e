package org.lectern;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
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
        SpringApplication.run(LecternApplication.class, args);
    }
}
