package org.lectern.grading.model;

/** Why a model evaluation produced no result. */
public enum Failure {
    /** The file is not a model this assignment accepts; the problems list says why. */
    INVALID_MODEL,
    /** ONNX Runtime could not load the model. */
    LOAD_FAILED,
    /** The model failed while running on the evaluation data. */
    RUNTIME_ERROR,
    /** The evaluation ran past its wall-clock limit and was stopped. */
    TIME_LIMIT,
    /** The model needed more memory than the limit allows. */
    OUT_OF_MEMORY,
    /** The assignment's evaluation data is broken: the instructor's problem, not the student's. */
    EVALUATION_DATA,
    /** The worker process died without saying why (a crash in native code, a signal). */
    WORKER_CRASHED
}
