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
     */
    record Event(String type, String nodeid, String outcome, String message, double duration, Double points,
                 Integer exitStatus, String brief) {
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
        return new Event(
                node.path("type").asString(),
                node.path("nodeid").asString(""),
                node.path("outcome").asString(""),
                node.path("message").asString(""),
                node.path("duration").isNumber() ? node.path("duration").asDouble() : 0.0,
                points.isNumber() && Double.isFinite(points.asDouble()) && points.asDouble() >= 0 ? points.asDouble() : null,
                exit.isIntegralNumber() ? exit.asInt() : null,
                node.path("brief").asString(""));
    }
}
