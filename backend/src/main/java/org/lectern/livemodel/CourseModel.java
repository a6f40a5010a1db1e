package org.lectern.livemodel;

import java.nio.file.Path;

/**
 * A model live exercises can use, with the course dataset students may pick examples from.
 *
 * @param key     what exercises name it by
 * @param onnx    the explained model (logits, first-layer activations and filters)
 * @param dataset a lectern-eval-v1 folder of the course's training images (never an assignment's hidden data)
 */
public record CourseModel(String key, String title, Path onnx, Path dataset, int classes) {
}
