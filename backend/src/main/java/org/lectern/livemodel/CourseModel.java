package org.lectern.livemodel;

import java.nio.file.Path;
import org.lectern.grading.model.EvaluationData;

/**
 * A model live exercises can use, with the course dataset students may pick examples from.
 *
 * @param key     what exercises name it by
 * @param onnx    the explained model (logits, first-layer activations and filters)
 * @param examples the course dataset's images students may pick (its training split, never an assignment's hidden data)
 */
public record CourseModel(String key, String title, Path onnx, EvaluationData examples, int classes) {
}
