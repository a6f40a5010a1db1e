package org.lectern.ui.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.autograde.ModelLeaderboard;

class ModelPanelsTest {

    @Test
    void aLeaderboardBarNamesItsFiguresOnHover() {
        var row = new ModelLeaderboard.Row(2, "Ada Lovelace", true, 0.9312, null, 12_345L, 0.4219);
        assertThat(ModelPanels.hover("accuracy", row))
                .isEqualTo("2. Ada Lovelace (you): accuracy 93.12%, 12,345 parameters, 0.422 ms per image");
        var unscored = new ModelLeaderboard.Row(5, "Student 5", false, null, null, null, null);
        assertThat(ModelPanels.hover("accuracy", unscored)).isEqualTo("5. Student 5: accuracy –");
    }

    @Test
    void theBarsAreHiddenFromScreenReadersWhichReadTheTable() {
        var board = new ModelLeaderboard("accuracy", false,
                List.of(new ModelLeaderboard.Row(1, "Ada", false, 0.95, null, 100L, 0.1)));
        Component box = ModelPanels.leaderboard(board);
        var chart = box.getChildren().filter(c -> c.getId().orElse("").equals("leaderboard-chart")).findFirst().orElseThrow();
        assertThat(chart.getElement().getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(chart.getElement().getChild(0).getAttribute("title")).startsWith("1. Ada: accuracy 95.00%");
        var grid = box.getChildren().filter(c -> c.getId().orElse("").equals("leaderboard")).findFirst().orElseThrow();
        assertThat(grid.getElement().getAttribute("aria-label")).isEqualTo("Leaderboard by accuracy");
    }
}
