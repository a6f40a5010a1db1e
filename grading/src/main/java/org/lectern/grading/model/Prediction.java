package org.lectern.grading.model;

/**
 * The model's top class for one image.
 *
 * @param id        the image's index in the evaluation data
 * @param split     its split
 * @param label     its true class
 * @param predicted the class with the highest score; -1 when every score was NaN
 */
public record Prediction(int id, Split split, int label, int predicted) {

    public boolean correct() {
        return predicted == label;
    }
}
