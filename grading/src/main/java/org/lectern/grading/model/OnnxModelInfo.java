package org.lectern.grading.model;

import java.util.List;
import java.util.Map;

/**
 * What {@link OnnxModelInspector} read from an ONNX file, without running it.
 *
 * @param fileBytes         size of the file
 * @param irVersion         the ONNX IR version (ir_version)
 * @param producer          producer name and version, e.g. "pytorch 1.13.0"; empty when the file names none
 * @param opsets            operator set versions by domain; the standard operators' domain ("" in the file) is
 *                          listed as "ai.onnx"
 * @param inputs            the graph's inputs that the caller feeds (initializers listed as inputs, as IR
 *                          version 3 files do, are left out)
 * @param outputs           the graph's outputs
 * @param parameterCount    elements of every stored tensor: initializers (also in subgraphs), sparse
 *                          initializers, and tensors held in node attributes (Constant nodes); saturates at
 *                          {@link Long#MAX_VALUE}
 * @param operators         operator types and how often they occur, subgraphs and the bodies of model-local
 *                          functions included, calls of those functions left out; operators outside the
 *                          standard domain are named "domain:Op"
 * @param usesExternalData  whether a tensor's data lives in a separate file (data_location EXTERNAL)
 * @param maxSubgraphDepth  how deep subgraphs (Loop, If, Scan bodies) nest; 0 when there are none
 * @param functions         the model-local functions declared (named as operators are) and how often nodes call
 *                          them; their bodies' operators and tensors are in the figures above
 */
public record OnnxModelInfo(long fileBytes, long irVersion, String producer, Map<String, Long> opsets,
                            List<TensorInfo> inputs, List<TensorInfo> outputs, long parameterCount,
                            Map<String, Integer> operators, boolean usesExternalData, int maxSubgraphDepth,
                            Map<String, Integer> functions) {

    public OnnxModelInfo {
        opsets = Map.copyOf(opsets);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operators = Map.copyOf(operators);
        functions = Map.copyOf(functions);
    }

    /** The standard operator set's version, or 0 when the file imports none. */
    public long defaultOpset() {
        return opsets.getOrDefault(OnnxModelInspector.DEFAULT_DOMAIN, 0L);
    }
}
