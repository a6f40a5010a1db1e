package org.lectern.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Locale;
import org.lectern.grading.training.Architecture;
import org.lectern.grading.training.OptimizerKind;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.training.TrainingDraft;

/**
 * The playground's choices: the course recipe's steps as presets, the network and its hyperparameters. Every change
 * (one per preset, however many fields it sets) calls {@code onChange}, which shows the cost before Train.
 */
class TrainingForm extends VerticalLayout {

    private final TrainingDataset dataset;
    private final Runnable onChange;
    private final Select<Architecture> architecture = new Select<>();
    private final Select<OptimizerKind> optimizer = new Select<>();
    private final NumberField learningRate = new NumberField("Learning rate");
    private final IntegerField batchSize = new IntegerField("Batch size");
    private final NumberField weightDecay = new NumberField("Weight decay (L2)");
    private final IntegerField epochs = new IntegerField("Epochs");
    private final IntegerField seed = new IntegerField("Seed");
    private final Paragraph advice = new Paragraph();
    private boolean filling;

    TrainingForm(TrainingDataset dataset, List<TrainingPreset> presetList, Runnable onChange) {
        this.dataset = dataset;
        this.onChange = onChange;
        HorizontalLayout presets = new HorizontalLayout();
        presets.setWrap(true);
        presets.add(new Span("Recipe:"));
        for (TrainingPreset p : presetList) {
            Button b = new Button(p.title(), e -> fill(p));
            b.setId("preset-" + p.key());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            b.setTooltipText(p.advice());
            presets.add(b);
        }
        presets.setAlignItems(FlexComponent.Alignment.CENTER);
        advice.setId("training-advice");
        advice.addClassName("lectern-muted");

        architecture.setId("training-architecture");
        architecture.setLabel("Network");
        architecture.setItems(Architecture.all());
        architecture.setItemLabelGenerator(a -> a.label() + " · " + String.format(Locale.ROOT, "%,d", dataset.parameters(a)) + " parameters");
        optimizer.setId("training-optimizer");
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::label);
        learningRate.setId("training-lr");
        learningRate.setHelperText("greater than 0, at most " + TrainingConfig.number(TrainingConfig.MAX_LEARNING_RATE) + "; try 1e-1 to 1e-4");
        batchSize.setId("training-batch");
        batchSize.setHelperText("1 to " + TrainingConfig.MAX_BATCH_SIZE);
        weightDecay.setId("training-wd");
        weightDecay.setHelperText("0 to " + TrainingConfig.number(TrainingConfig.MAX_WEIGHT_DECAY) + "; 1e-4, 1e-5 or 0 are usual");
        epochs.setId("training-epochs");
        epochs.setHelperText("1 to " + TrainingConfig.MAX_EPOCHS);
        seed.setId("training-seed");
        seed.setHelperText("the same seed and choices give the same curves");
        architecture.addValueChangeListener(e -> changed());
        optimizer.addValueChangeListener(e -> changed());
        learningRate.addValueChangeListener(e -> changed());
        batchSize.addValueChangeListener(e -> changed());
        weightDecay.addValueChangeListener(e -> changed());
        epochs.addValueChangeListener(e -> changed());
        seed.addValueChangeListener(e -> changed());

        FormLayout form = new FormLayout(architecture, optimizer, learningRate, batchSize, weightDecay, epochs, seed);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 4));
        form.setColspan(architecture, 2);
        add(presets, advice, form);
        setPadding(false);
        setSpacing(false);
    }

    /** Sets every field from a step of the recipe, then reports one change. */
    void fill(TrainingPreset preset) {
        filling = true;
        TrainingConfig c = preset.config();
        architecture.setValue(c.architecture());
        optimizer.setValue(c.optimizer());
        learningRate.setValue(c.learningRate());
        batchSize.setValue(c.batchSize());
        weightDecay.setValue(c.weightDecay());
        epochs.setValue(c.epochs());
        seed.setValue((int) c.seed());
        filling = false;
        advice.setText(preset.title() + ": " + preset.advice());
        changed();
    }

    /** The choices as they stand; the service judges them. */
    TrainingDraft draft() {
        return new TrainingDraft(dataset.key(), architecture.getValue() == null ? null : architecture.getValue().key(),
                optimizer.getValue() == null ? null : optimizer.getValue().key(), learningRate.getValue(), batchSize.getValue(),
                weightDecay.getValue(), epochs.getValue(), seed.getValue() == null ? null : seed.getValue().longValue());
    }

    private void changed() {
        if (!filling) {
            onChange.run();
        }
    }
}
