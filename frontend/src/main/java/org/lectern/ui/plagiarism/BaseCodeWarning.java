package org.lectern.ui.plagiarism;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The check ran without the starter files as base code: said above the pairs, in the error colour, never hidden. */
final class BaseCodeWarning {

    private BaseCodeWarning() {
    }

    static Component of(String warning) {
        Div box = new Div(new Span("Not evidence. "), new Span(warning));
        box.setId("plagiarism-base-code-warning");
        box.getElement().setAttribute("role", "alert");
        box.getStyle().set("border-left", "4px solid var(--lumo-error-color)").set("background", "var(--lumo-error-color-10pct)")
                .set("color", "var(--lumo-error-text-color)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("font-weight", "600").set("max-width", "60em");
        return box;
    }
}
