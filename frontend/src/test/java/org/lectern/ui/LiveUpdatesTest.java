package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    @Test
    void pushedUpdatesAreSaidThroughOnePoliteStatusRegion() {
        UI ui = new UI();
        LiveUpdates.announce(ui, "The office-hours queue changed.");
        LiveUpdates.announce(ui, "This question has new activity.");
        var regions = ui.getElement().getChildren().filter(e -> LiveUpdates.ANNOUNCER_ID.equals(e.getAttribute("id"))).toList();
        assertThat(regions).hasSize(1);
        Element region = regions.get(0);
        assertThat(region.getAttribute("role")).isEqualTo("status");
        assertThat(region.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(region.getAttribute("class")).isEqualTo("visually-hidden");
        assertThat(region.getText()).isEqualTo("This question has new activity.");
    }

    @Test
    void theSameSentenceAgainIsStillAChangeSoItIsSaidAgain() {
        UI ui = new UI();
        LiveUpdates.announce(ui, "The list of questions was updated.");
        String first = LiveUpdates.announcer(ui).getText();
        LiveUpdates.announce(ui, "The list of questions was updated.");
        String second = LiveUpdates.announcer(ui).getText();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.replace("\u00a0", "")).isEqualTo(first);
    }
}
