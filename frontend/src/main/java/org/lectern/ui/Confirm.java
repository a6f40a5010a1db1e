package org.lectern.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The one question before an irreversible action (deleting, submitting for good, closing, releasing):
 * what will happen in a sentence, a cancel that is the default, and a confirm button named for the action.
 */
public final class Confirm {
    private Confirm() {
    }

    public static ConfirmDialog ask(String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog d = new ConfirmDialog();
        d.setId("confirm-dialog");
        d.setHeader(header);
        d.setText(text);
        d.setCancelable(true);
        d.setCancelText("Cancel");
        d.setConfirmText(confirmText);
        d.setConfirmButtonTheme("error primary");
        d.addConfirmListener(e -> onConfirm.run());
        d.open();
        return d;
    }
}
