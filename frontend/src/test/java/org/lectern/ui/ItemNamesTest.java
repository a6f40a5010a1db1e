package org.lectern.ui;

import org.lectern.ui.ItemNames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.schedule.CourseItem;

class ItemNamesTest {

    @ParameterizedTest
    @CsvSource({"a0, A0", "hw2, HW2", "quiz2, Quiz 2", "project-final-report, Project final report", "participation, Participation",
            "paper_reviews, Paper reviews"})
    void keysNothingNamesReadAsWords(String key, String label) {
        assertThat(ItemNames.fallback(key).label()).isEqualTo(label);
    }

    @Test
    void theScheduleNameWinsWhateverTheCase() {
        CourseItem a0 = new CourseItem(1, 1, CourseItem.Kind.ASSIGNMENT, "A0", "Colab warm-up", null, null, null, null, false);
        var names = ItemNames.of(List.of("a0", "quiz1"), List.of(a0));
        assertThat(names.get("a0")).isEqualTo(new ItemNames.Name("A0", "A0 · Colab warm-up"));
        assertThat(names.get("quiz1").label()).isEqualTo("Quiz 1");
    }

    @Test
    void aScheduledShortNameWrittenLikeAKeyReadsAsWords() {
        CourseItem report = new CourseItem(2, 1, CourseItem.Kind.ASSIGNMENT, "project-final-report", "Final report", null, null, null, null, false);
        assertThat(ItemNames.of(List.of("project-final-report"), List.of(report)).get("project-final-report"))
                .isEqualTo(new ItemNames.Name("Project final report", "Final report"));
    }
}
