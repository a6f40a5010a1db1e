package org.lectern.ui.assignment;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import org.lectern.assignment.AssignmentService;
import org.lectern.pool.PoolJobs;
import org.lectern.pool.WorkerCapabilities;
import org.lectern.ui.Notifications;

/**
 * The Python environment an assignment's runs need (instructors): the same choice as the autograder manifest's
 * "environment", saved through the service's role check; runs queued afterwards go only to a worker offering it.
 * Says when no worker of the pool offers the picked one, since its runs then wait.
 */
final class EnvironmentPicker extends Details {

    static final String ANY = "any";

    EnvironmentPicker(AssignmentService assignments, PoolJobs pool, long assignmentId) {
        super(new Span("Python environment"));
        List<String> names = new ArrayList<>(List.of(ANY));
        names.addAll(WorkerCapabilities.ENVIRONMENTS);
        Select<String> picker = new Select<>();
        picker.setId("environment-picker");
        picker.setLabel("Runs need");
        picker.setWidth("min(26em, 100%)"); // the whole label, and still fits a phone
        picker.setItems(names);
        picker.setItemLabelGenerator(EnvironmentPicker::label);
        String picked = assignments.environment(assignmentId);
        picker.setValue(picked == null ? ANY : picked);
        Paragraph offered = new Paragraph();
        offered.setId("environment-offered");
        show(offered, pool, picker.getValue());
        picker.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            if (Notifications.attempt(() -> assignments.setEnvironment(assignmentId, e.getValue()))) {
                Notifications.success("Runs queued from now on need " + label(e.getValue()) + ".");
                show(offered, pool, e.getValue());
            } else {
                picker.setValue(e.getOldValue());
            }
        });
        VerticalLayout body = new VerticalLayout(picker, offered);
        body.setPadding(false);
        add(body);
        setOpened(true);
    }

    static String label(String name) {
        return switch (name) {
            case ANY -> "any worker with the autograder's packages";
            case "numpy" -> "numpy (NumPy only)";
            case "pytorch-cpu" -> "pytorch-cpu (PyTorch on the CPU)";
            case "pytorch-cuda" -> "pytorch-cuda (PyTorch on a GPU worker)";
            default -> name;
        };
    }

    private static void show(Paragraph offered, PoolJobs pool, String name) {
        boolean any = ANY.equals(name);
        offered.setText(any ? "Runs go to any worker that has the packages the autograder needs."
                : pool.anyNodeOffers(name) ? "A worker of the pool offers " + name + "."
                : "No worker of the pool offers " + name + " now: runs wait until one that does starts.");
        offered.getElement().setAttribute("data-offered", String.valueOf(any || pool.anyNodeOffers(name)));
    }
}
