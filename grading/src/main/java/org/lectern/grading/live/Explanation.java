package org.lectern.grading.live;

/**
 * What the course CNN makes of one 8×8 digit: the answer of a live model exercise.
 *
 * @param image         the 8×8 input, values 0..16, row-major
 * @param probabilities softmax of the logits, one per class
 * @param predicted     the most probable class
 * @param occlusion     per pixel, how much the predicted class's probability drops when a 2×2 grey-out patch
 *                      covers it (mean over the patches covering it); negative where covering it helps
 * @param filterCount   the first layer's filters
 * @param kernel        their side (3 for 3×3)
 * @param filters       the first layer's weights, [filterCount, kernel, kernel] row-major
 * @param activations   the first layer's ReLU activation maps for this image, [filterCount, 8, 8] row-major
 * @param millis        time spent in the model for this answer (all forward passes)
 * @param device        "cpu" or "gpu"
 */
public record Explanation(float[] image, float[] probabilities, int predicted, float[] occlusion, int filterCount,
                          int kernel, float[] filters, float[] activations, double millis, String device) {
}
