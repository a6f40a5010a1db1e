package org.lectern.ui.lti;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.lectern.lti.LtiPlatforms;
import org.lectern.lti.Platform;
import org.lectern.lti.PlatformDraft;
import org.lectern.ui.Notifications;

/** Site admins register the LMSs (LTI 1.3 platforms) Lectern may be launched from; the same as POST /api/v1/lti/platforms. */
@Route("admin/lti")
@PageTitle("LMS platforms · Lectern")
@RolesAllowed("ADMIN")
public class LtiPlatformsView extends VerticalLayout {

    private final LtiPlatforms platforms;
    private final Grid<Platform> grid = new Grid<>();

    public LtiPlatformsView(LtiPlatforms platforms) {
        this.platforms = platforms;
        Paragraph ours = new Paragraph();
        ours.setId("lti-tool-urls");
        UI.getCurrent().getPage().fetchCurrentURL(url -> {
            String base = url.getProtocol() + "://" + url.getAuthority();
            ours.setText("Give the LMS: login URL " + base + "/lti/login, launch and redirect URL " + base + "/lti/launch, key set "
                    + base + "/lti/jwks (Canvas: paste " + base + "/lti/config.json). Then enter what the LMS shows below.");
        });
        add(new H2("LMS platforms (LTI 1.3)"), ours);

        grid.addColumn(Platform::issuer).setHeader("Issuer").setFlexGrow(1);
        grid.addColumn(Platform::clientId).setHeader("Client id").setAutoWidth(true);
        grid.addColumn(p -> String.join(", ", p.deploymentIds())).setHeader("Deployments").setFlexGrow(1);
        grid.addColumn(Platform::authLoginUrl).setHeader("Auth URL").setFlexGrow(1);
        grid.addComponentColumn(p -> {
            Button remove = new Button("Remove", e -> org.lectern.ui.Confirm.ask("Remove this platform?", "Launches from it stop working at once.", "Remove", () -> {
                if (Notifications.attempt(() -> platforms.remove(p.id()))) {
                    Notifications.success(p.issuer() + " removed: launches from it are refused from now on.");
                    load();
                }
            }));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);

        TextField issuer = field("Issuer (Canvas: https://canvas.instructure.com; Moodle: the Platform ID)", "lti-issuer");
        TextField clientId = field("Client ID", "lti-client-id");
        TextField deployments = field("Deployment IDs (comma-separated)", "lti-deployments");
        TextField login = field("OIDC auth (login) URL", "lti-auth-login-url");
        TextField token = field("Access token URL", "lti-auth-token-url");
        TextField keyset = field("Public key set URL", "lti-keyset-url");
        Button register = new Button("Register", e -> {
            var draft = new PlatformDraft(issuer.getValue(), clientId.getValue(),
                    Arrays.stream(deployments.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    login.getValue(), token.getValue(), keyset.getValue());
            if (Notifications.attempt(() -> platforms.register(draft))) {
                Notifications.success(draft.issuer() + " registered.");
                load();
            }
        });
        register.setId("lti-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Register a platform"), issuer, clientId, deployments, login, token, keyset, register);
        load();
    }

    private static TextField field(String label, String id) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setWidthFull();
        return f;
    }

    private void load() {
        grid.setItems(platforms.list());
    }
}
