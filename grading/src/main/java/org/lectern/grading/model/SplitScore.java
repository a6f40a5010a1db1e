package org.lectern.grading.model;

/**
 * The metric on one split.
 *
 * @param split   which split
 * @param images  how many images it has
 * @param correct how many of them the model's top class got right
 * @param value   the assignment's metric, 0..1
 */
public record SplitScore(Split split, int images, int correct, double value) {
}
