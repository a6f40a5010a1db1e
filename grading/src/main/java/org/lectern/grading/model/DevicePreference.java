package org.lectern.grading.model;

/** Where a worker runs models. */
public enum DevicePreference {
    /** The GPU when this build's ONNX Runtime has the CUDA provider and an NVIDIA device is present, else the CPU. */
    AUTO,
    /** Always the CPU. */
    CPU,
    /** The GPU; fails when there is none or ONNX Runtime cannot use it. */
    GPU
}
