package org.lectern.livemodel;

import org.lectern.grading.live.Explanation;

/**
 * What a student sees after drawing: the model's explanation of the 8×8 image it was given.
 *
 * @param explanation  probabilities, occlusion map, filters and activations
 * @param sampleLabel  the true class when the image came from the course dataset, else null
 * @param totalMillis  server time from request to answer, worker round trip included
 */
public record LiveAnswer(long exerciseId, Explanation explanation, Integer sampleLabel, double totalMillis) {
}
