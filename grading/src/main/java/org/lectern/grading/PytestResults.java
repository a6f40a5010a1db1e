package org.lectern.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON lines that pytest_runner.py writes to the side channel. */
final class PytestResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One line of the side channel.
     *
     * @param type       collected, collect_error, start, test or done
     * @param points     the test's points marker, when it has a usable one (collected)
     * @param exitStatus pytest's exit status (done)
     * @param brief      the failure without the test's source (test)
     * @param visibility the test's own visibility marker, null when it has none (collected)
     * @param number     the test's number as shown, e.g. "1.2" (collected)
     * @param score      the share of its points a partial-credit test earned, in [0, 1] (test)
     */
    record Event(String type, String nodeid, String outcome, String message, double duration, Double points,
                 Integer exitStatus, String brief, TestVisibility visibility, String number, Double score) {

        Event(String type, String nodeid, String outcome, String message, double duration, Double points,
              Integer exitStatus, String brief) {
            this(type, nodeid, outcome, message, duration, points, exitStatus, brief, null, null, null);
        }
    }

    private PytestResults() {
    }

    /** Reads up to {@code maxBytes}; lines that are not well-formed events are skipped, as is anything after "done". */
    static List<Event> read(Path file, long maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        }
        List<Event> events = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            Event event = parse(line);
            if (event == null) {
                continue;
            }
            events.add(event);
            if (event.type().equals("done")) {
                break;
            }
        }
        return events;
    }

    private static Event parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return null; // a line cut short by a kill, or noise
        }
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            return null;
        }
        JsonNode points = node.path("points");
        JsonNode exit = node.path("exitstatus");
        JsonNode score = node.path("score");
        return new Event(
                node.path("type").asString(),
                node.path("nodeid").asString(""),
                node.path("outcome").asString(""),
                node.path("message").asString(""),
                node.path("duration").isNumber() ? node.path("duration").asDouble() : 0.0,
                points.isNumber() && Double.isFinite(points.asDouble()) && points.asDouble() >= 0 ? points.asDouble() : null,
                exit.isIntegralNumber() ? exit.asInt() : null,
                node.path("brief").asString(""),
                node.path("visibility").isString() ? TestVisibility.parse(node.path("visibility").asString()) : null,
                node.path("number").isString() ? node.path("number").asString() : null,
                score.isNumber() && score.asDouble() >= 0 && score.asDouble() <= 1 ? score.asDouble() : null);
    }
}
