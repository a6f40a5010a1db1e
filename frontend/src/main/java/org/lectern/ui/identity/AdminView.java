package org.lectern.ui.identity;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.SiteRole;
import org.lectern.pool.PoolNodes;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.lti.LtiPlatformsView;

/** Site admins: find accounts, let instructors create courses, create accounts with an invitation link. */
@Route("admin")
@PageTitle("Site admin · Lectern")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout {

    private final AccountService accounts;
    private final Grid<Account> grid = new Grid<>();
    private final TextField filter = new TextField();

    public AdminView(AccountService accounts, PoolNodes pool, org.lectern.mail.Outbox outbox) {
        this.accounts = accounts;
        add(new H2("Site admin"), new Paragraph("Course creators may create courses and become their instructors. "
                + "Roles inside a course are set on that course's roster."));
        add(new RouterLink("LMS platforms (LTI 1.3)", LtiPlatformsView.class));

        filter.setPlaceholder("Find by e-mail or name");
        filter.setAriaLabel("Find by e-mail or name");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> load());
        grid.addColumn(Account::email).setHeader("E-mail").setFlexGrow(1);
        grid.addColumn(Account::displayName).setHeader("Name").setFlexGrow(1);
        grid.addColumn(a -> a.activated() ? "Active" : "Invited").setHeader("Account").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Select<SiteRole> role = new Select<>();
            role.setItems(SiteRole.values());
            role.setItemLabelGenerator(AdminView::label);
            role.setValue(a.siteRole());
            role.addValueChangeListener(e -> {
                if (e.isFromClient() && Notifications.attempt(() -> accounts.changeSiteRole(a.id(), e.getValue()))) {
                    Notifications.success(a.email() + " is now " + label(e.getValue()) + ".");
                } else if (e.isFromClient()) {
                    role.setValue(e.getOldValue());
                }
            });
            return role;
        }).setHeader("Site role").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(filter, grid);

        TextField email = new TextField("E-mail");
        TextField name = new TextField("Name");
        Select<SiteRole> role = new Select<>();
        role.setLabel("Site role");
        role.setItems(SiteRole.values());
        role.setItemLabelGenerator(AdminView::label);
        role.setValue(SiteRole.COURSE_CREATOR);
        TextField link = new TextField("Invitation link (send it to them; valid 14 days, usable once)");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        Button create = new Button("Create account", e -> {
            AtomicReference<String> token = new AtomicReference<>();
            if (new Form().field(email, "e-mail", "account").field(name, "name")
                    .run(() -> token.set(accounts.createInvited(email.getValue(), name.getValue(), role.getValue())))) {
                UI.getCurrent().getPage().fetchCurrentURL(url -> {
                    link.setValue(url.getProtocol() + "://" + url.getAuthority() + "/activate/" + token.get());
                    link.setVisible(true);
                });
                load();
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, name, role, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        add(new H3("New account"), form, link);

        // What each pool node can run and which job kinds it claims, as it said at its start.
        Grid<PoolNodes.PoolNode> nodes = new Grid<>();
        nodes.setId("pool-nodes");
        nodes.addColumn(PoolNodes.PoolNode::name).setHeader("Node").setAutoWidth(true);
        nodes.addColumn(n -> n.startedAt().toString()).setHeader("Started").setAutoWidth(true);
        nodes.addColumn(PoolNodes.PoolNode::canRun).setHeader("Can run").setFlexGrow(3);
        nodes.addColumn(PoolNodes.PoolNode::claims).setHeader("Claims").setFlexGrow(1);
        nodes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        nodes.setAllRowsVisible(true);
        nodes.setItems(pool.nodes());
        add(new H3("Grading pool"), new Paragraph("Each node probes at start what it can run (the sandbox and how it "
                + "limits runs, Python packages, GPU) and claims only the job kinds it can run."), nodes);
        mailSection(outbox);
        load();
    }

    /** The mail outbox: counts by state and the latest messages, failed ones first with the server's reason. */
    private void mailSection(org.lectern.mail.Outbox outbox) {
        var status = outbox.status();
        add(new H3("E-mail"), new Paragraph(status.enabled()
                ? "Messages by state: " + (status.counts().isEmpty() ? "none yet" : status.counts().toString())
                : "No SMTP server is configured (LECTERN_SMTP_HOST): Lectern sends no mail, staff copy invitation links."));
        if (!status.recent().isEmpty()) {
            var mails = new Grid<org.lectern.mail.Outbox.Message>();
            mails.setId("mail-outbox");
            mails.addColumn(r -> r.state()).setHeader("State").setAutoWidth(true);
            mails.addColumn(r -> r.kind()).setHeader("Kind").setAutoWidth(true);
            mails.addColumn(r -> r.recipient()).setHeader("To").setAutoWidth(true);
            mails.addColumn(r -> r.attempts()).setHeader("Tries").setAutoWidth(true);
            mails.addColumn(r -> r.lastError() == null ? "" : r.lastError()).setHeader("Last error").setFlexGrow(1);
            mails.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            mails.setItems(status.recent());
            mails.setHeight("320px");
            add(mails);
        }
    }

    private void load() {
        grid.setItems(accounts.search(filter.getValue()));
    }

    private static String label(SiteRole r) {
        return switch (r) {
            case USER -> "Member";
            case COURSE_CREATOR -> "Course creator";
            case ADMIN -> "Site admin";
        };
    }
}
