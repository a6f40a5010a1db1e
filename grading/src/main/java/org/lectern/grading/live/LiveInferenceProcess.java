package org.lectern.grading.live;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.ModelEvaluationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warm worker behind live model exercises: loads the course model once, then answers requests, one JSON line
 * in on stdin, one JSON line out on stdout, until stdin closes. Started and restarted by
 * {@link LiveInferenceWorker} with memory limits; the parent kills it when an answer is late, so a stuck model
 * costs one answer and a restart, nothing else.
 *
 * <p>Usage: {@code java … LiveInferenceProcess MODEL.onnx THREADS DEVICE CACHE_DIR}. Everything else the JVM or
 * a library prints goes to stderr: stdout carries only the protocol.
 */
public final class LiveInferenceProcess {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The first line out: loaded (with the device) or not (with why). */
    record Ready(boolean ready, String device, double loadMillis, String error) {
    }

    record Request(long id, float[] image) {
    }

    record Response(long id, Explanation explanation, String error) {
    }

    private LiveInferenceProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // before any logger starts: console loggers then write to stderr
        if (args.length != 4) {
            System.err.println("usage: LiveInferenceProcess MODEL.onnx THREADS DEVICE CACHE_DIR");
            Runtime.getRuntime().halt(2);
        }
        long start = System.nanoTime();
        DigitExplainer explainer;
        try {
            explainer = DigitExplainer.load(Path.of(args[0]), DevicePreference.valueOf(args[2]),
                    Integer.parseInt(args[1]), args[3]);
        } catch (ModelEvaluationException | RuntimeException e) {
            send(protocol, new Ready(false, null, 0, e.getMessage()));
            Runtime.getRuntime().halt(1);
            return;
        }
        send(protocol, new Ready(true, explainer.device(), (System.nanoTime() - start) / 1e6, null));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Request request;
            try {
                request = JSON.readValue(line, Request.class);
            } catch (JacksonException e) {
                send(protocol, new Response(-1, null, "unreadable request: " + e.getOriginalMessage()));
                continue;
            }
            try {
                send(protocol, new Response(request.id(), explainer.explain(request.image()), null));
            } catch (ModelEvaluationException | IllegalArgumentException e) {
                send(protocol, new Response(request.id(), null, e.getMessage()));
            }
        }
        // ONNX Runtime's threads need not be waited for.
        Runtime.getRuntime().halt(0);
    }

    private static void send(PrintStream protocol, Object message) {
        protocol.println(JSON.writeValueAsString(message));
        protocol.flush();
    }
}
