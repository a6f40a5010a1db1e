package org.lectern.grading.model;

/**
 * A file that cannot be read as an ONNX ModelProto: not protobuf, truncated, or protobuf of another shape.
 * The message says where reading stopped ("ModelProto.graph.node[3]: it ends in the middle of a number").
 */
public final class OnnxFormatException extends RuntimeException {

    public OnnxFormatException(String message) {
        super(message);
    }
}
