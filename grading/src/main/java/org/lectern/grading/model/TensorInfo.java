package org.lectern.grading.model;

import java.util.List;

/**
 * A graph input or output as the ONNX file declares it.
 *
 * @param name     the value's name
 * @param type     "float32", "int64", … for tensors; "sequence", "map", "optional", "sparse tensor" or "unknown"
 *                 for the rest
 * @param isTensor whether it is a dense tensor
 * @param hasShape whether the file declares a shape at all (a tensor without one has any rank)
 * @param shape    the declared dimensions; empty when {@code hasShape} is false (or for a scalar)
 */
public record TensorInfo(String name, String type, boolean isTensor, boolean hasShape, List<Dim> shape) {

    public TensorInfo {
        shape = List.copyOf(shape);
    }

    /** "[N,1,8,8]"; "[?]" style for unnamed free dimensions; "(no shape)" when none is declared. */
    public String shapeText() {
        return hasShape ? OnnxModelInspector.shapeText(shape) : "(no shape)";
    }
}
