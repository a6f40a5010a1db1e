package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lectern.platform.InvalidInputException;

class FormTest {

    private final TextField title = new TextField("Title");
    private final TextField slides = new TextField("Slides link");
    private final Form form = new Form().required(title, "A lecture needs a title.", "title").field(slides, "slidesUrl", "slides");

    @Test
    void anEmptyRequiredFieldIsMarkedAndTheActionIsNotCalled() {
        boolean[] called = {false};
        assertThat(form.run(() -> called[0] = true)).isFalse();
        assertThat(called[0]).isFalse();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("A lecture needs a title.");
    }

    @Test
    void aRuleNamingItsFieldLandsOnThatField() {
        title.setValue("Optimization");
        assertThat(form.run(() -> {
            throw new InvalidInputException("slidesUrl", "The link must be an http(s) address.");
        })).isFalse();
        assertThat(slides.isInvalid()).isTrue();
        assertThat(slides.getErrorMessage()).isEqualTo("The link must be an http(s) address.");
        assertThat(title.isInvalid()).isFalse();
    }

    @Test
    void aRuleWithoutAFieldFindsTheFieldItsMessageNames() {
        title.setValue("Optimization");
        assertThat(form.submit(() -> {
            throw new InvalidInputException("The slides link must be an http(s) address.");
        })).isEmpty();
        assertThat(slides.isInvalid()).isTrue();
    }

    @Test
    void theNextTryClearsTheMarksAndReturnsTheValue() {
        form.run(() -> { });
        assertThat(title.isInvalid()).isTrue();
        title.setValue("Optimization");
        assertThat(form.submit(() -> 42)).contains(42);
        assertThat(title.isInvalid()).isFalse();
    }
}
