/**
 * Live model exercises: linked to a lecture, a student draws or uploads a digit (or picks one from the course
 * dataset) and sees at once what the course CNN makes of it: class probabilities, an occlusion-sensitivity map,
 * the first layer's filters and activation maps. A request goes to the pool through PostgreSQL; the first node to claim
 * it answers from its warm worker process ({@link org.lectern.grading.live.LiveInferenceWorker}), never from a web
 * app's own JVM.
 */
package org.lectern.livemodel;
