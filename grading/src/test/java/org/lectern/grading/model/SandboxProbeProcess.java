package org.lectern.grading.model;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Started in place of {@link ModelEvaluationProcess}, the way the evaluator starts it: prints what a process there
 * can reach (the files named in {@code -Dprobe.read}, a TCP port on the host's loopback, its environment, its job
 * folder and job file), then exits 3 without outputs.
 */
public final class SandboxProbeProcess {

    private SandboxProbeProcess() {
    }

    public static void main(String[] args) throws IOException {
        for (String path : System.getProperty("probe.read", "").split(",")) {
            if (path.isEmpty()) {
                continue;
            }
            try {
                Files.readAllBytes(Path.of(path));
                System.out.println("read " + path + ": ok");
            } catch (IOException e) {
                System.out.println("read " + path + ": " + e.getClass().getSimpleName());
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.getInteger("probe.port", 1)), 2000);
            System.out.println("connect: ok");
        } catch (IOException e) {
            System.out.println("connect: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        System.out.println("env: " + new TreeSet<>(System.getenv().keySet()));
        try (Stream<Path> files = Files.list(Path.of(args[0]).getParent())) {
            System.out.println("job folder: " + files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        System.out.println("job file: " + Files.readString(Path.of(args[0])));
        System.out.println("args: " + Arrays.toString(args));
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
