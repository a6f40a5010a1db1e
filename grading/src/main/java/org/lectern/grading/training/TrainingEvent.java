package org.lectern.grading.training;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the training worker tells its parent, one JSON object per line on standard output, each line starting with
 * {@link #MARKER} (anything else on the stream is the worker's log).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TrainingEvent.Started.class, name = "started"),
        @JsonSubTypes.Type(value = TrainingEvent.Epoch.class, name = "epoch"),
        @JsonSubTypes.Type(value = TrainingEvent.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = TrainingEvent.Failed.class, name = "failed")})
public sealed interface TrainingEvent {

    String MARKER = "@lectern-training ";

    /**
     * The model is built and the data loaded; training starts now.
     *
     * @param device           "cpu" or "gpu(0)"
     * @param engine           e.g. "PyTorch 2.7.1"
     * @param parameters       trainable parameters
     * @param trainImages      images in the training split
     * @param validationImages images in the validation split
     * @param startupSeconds   from the JVM's start to here
     */
    record Started(String device, String engine, long parameters, int trainImages, int validationImages,
                   double startupSeconds) implements TrainingEvent {
    }

    record Epoch(EpochMetrics metrics) implements TrainingEvent {
    }

    /**
     * Training ended by itself.
     *
     * @param diverged        the loss stopped being a finite number, so training stopped early
     * @param trainingSeconds from the start of the first epoch to the end of the last
     * @param message         for people, e.g. why it stopped early
     */
    record Finished(boolean diverged, double trainingSeconds, String message) implements TrainingEvent {
    }

    /** The run could not train: bad configuration, unreadable data, the engine would not start. */
    record Failed(String message) implements TrainingEvent {
    }
}
