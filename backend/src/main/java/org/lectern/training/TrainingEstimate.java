package org.lectern.training;

/**
 * What a run would cost, and whether it may start, before it is queued.
 *
 * @param parameters      trainable parameters of the chosen network on the dataset
 * @param estimateSeconds the worker time it will take (startup included), rounded up
 * @param quota           the caller's quotas now
 * @param allowed         whether it may start now
 * @param refusal         why it may not start; null when it may
 */
public record TrainingEstimate(String dataset, String architecture, long parameters, int trainImages, int validationImages,
                               long estimateSeconds, TrainingQuota quota, boolean allowed, String refusal) {
}
