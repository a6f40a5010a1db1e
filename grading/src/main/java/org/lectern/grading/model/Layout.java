package org.lectern.grading.model;

/** The order of a model input's dimensions: channels first (PyTorch) or channels last (TensorFlow, Keras). */
public enum Layout {
    /** [N, C, H, W] */
    NCHW,
    /** [N, H, W, C] */
    NHWC
}
