package org.lectern.ui.poll;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** Where students type the code from the projector; made for a phone. */
@Route("poll")
@PageTitle("Join a poll · Lectern")
@PermitAll
public class PollJoinView extends VerticalLayout {

    public PollJoinView() {
        addClassName("poll-phone");
        TextField code = new TextField("Poll code");
        code.setId("poll-code");
        code.setMaxLength(6);
        code.setAllowedCharPattern("[A-Za-z0-9]");
        code.setWidthFull();
        code.getElement().setAttribute("autocapitalize", "characters");
        Button join = new Button("Join", e -> getUI().ifPresent(ui -> ui.navigate("poll/" + code.getValue().strip().toUpperCase(Locale.ROOT))));
        join.setId("poll-join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        join.addClickShortcut(Key.ENTER);
        join.setWidthFull();
        add(new H2("Join a poll"), code, join);
    }
}
