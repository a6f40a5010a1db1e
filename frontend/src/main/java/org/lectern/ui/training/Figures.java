package org.lectern.ui.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;

/** How the playground writes its figures and lays out its charts, on the live panel and in comparisons alike. */
final class Figures {

    private Figures() {
    }

    /** Charts side by side, wrapping on narrow screens. */
    static Div chartRow(Component... charts) {
        Div row = new Div(charts);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("width", "100%");
        return row;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String loss(Double loss) {
        return loss == null ? "NaN" : String.format(Locale.ROOT, "%.3f", loss);
    }
}
