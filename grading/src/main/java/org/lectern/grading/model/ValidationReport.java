package org.lectern.grading.model;

import java.util.List;

/**
 * The outcome of {@link ModelValidator#validate}: what the file declares, and every problem found.
 *
 * @param model    what was read from the file; null when it could not be read as ONNX
 * @param problems one sentence each, for the student, in the order size, format, opset, input, output,
 *                 parameters; empty when the model may be evaluated
 */
public record ValidationReport(OnnxModelInfo model, List<String> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
