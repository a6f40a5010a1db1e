package org.lectern.grading.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lectern.grading.WorkerJvm;
import org.lectern.grading.model.WorkerLauncher;

/**
 * Renders a student's PDF to one PNG per page in a worker JVM of its own ({@link PdfPagesProcess}): a heap of
 * {@code heapMb}, a CPU-seconds limit ({@code prlimit}) and a wall-clock kill, a page-count cap and a pixel cap per
 * page. Whatever the PDF does (a decompression bomb, a million pages, garbage, JavaScript), the worst outcome is
 * this worker dying and the upload being refused with a sentence; the app's own heap never holds the PDF's objects.
 */
public final class PdfPages {

    /** Why a PDF was refused, in words for the student. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The settings; {@link #defaults()} are what the app uses. */
    public record Limits(int dpi, int maxPages, long maxPixelsPerPage, int heapMb, Duration wall) {
        public static Limits defaults() {
            // 110 DPI: a letter page is 935x1210, legible large on a laptop, ~150 KB of PNG for handwriting.
            return new Limits(110, 60, 6_000_000L, 384, Duration.ofSeconds(60));
        }
    }

    private final WorkerLauncher launcher;
    private final Limits limits;

    public PdfPages(WorkerLauncher launcher, Limits limits) {
        this.launcher = launcher;
        this.limits = limits;
    }

    public static PdfPages forThisApplication() {
        return new PdfPages(WorkerLauncher.forThisApplication(PdfPagesProcess.class), Limits.defaults());
    }

    public Limits limits() {
        return limits;
    }

    /** Every page as PNG bytes, in order. */
    public List<byte[]> render(byte[] pdf) throws Refused, IOException, InterruptedException {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new Refused("This is not a PDF (it does not start with %PDF-).");
        }
        Path job = Files.createTempDirectory("lectern-pdf-");
        try {
            Path in = job.resolve("in.pdf");
            Path out = Files.createDirectory(job.resolve("out"));
            Path tmp = Files.createDirectory(job.resolve("tmp"));
            Files.write(in, pdf);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
                command.addAll(List.of("/usr/bin/prlimit", "--cpu=" + Math.max(1, limits.wall().toSeconds()), "--core=0", "--"));
            }
            command.addAll(launcher.javaCommand(limits.heapMb() * 1024L * 1024L, tmp, job, tmp.toString(),
                    List.of("-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError")));
            command.addAll(List.of(in.toString(), out.toString(), Integer.toString(limits.dpi()), Integer.toString(limits.maxPages()),
                    Long.toString(limits.maxPixelsPerPage())));
            ProcessBuilder builder = new ProcessBuilder(command).directory(job.toFile())
                    .redirectOutput(job.resolve("stdout").toFile()).redirectError(job.resolve("stderr").toFile());
            WorkerJvm.environment(builder, job, tmp);
            Process process = builder.start();
            if (!process.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS)) {
                WorkerJvm.kill(process);
                throw new Refused("The PDF took too long to draw (over " + limits.wall().toSeconds() + " s); export it again or scan at a lower resolution.");
            }
            String err = WorkerJvm.logTail(job.resolve("stderr"), 2000).strip();
            if (process.exitValue() == 2) {
                throw new Refused(err.lines().reduce((a, b) -> b).orElse("The PDF was refused."));
            }
            if (process.exitValue() != 0) {
                // Out of memory, killed by the CPU limit, a crash: all the PDF's doing, so refuse it in words.
                throw new Refused("The PDF could not be drawn within the limits (" + (err.contains("OutOfMemoryError")
                        ? "memory" : "exit " + process.exitValue()) + "); export it again or scan at a lower resolution.");
            }
            List<String> lines = Files.readAllLines(job.resolve("stdout"), StandardCharsets.UTF_8);
            int pages = lines.stream().filter(l -> l.startsWith("pages ")).map(l -> Integer.parseInt(l.substring(6).strip())).findFirst()
                    .orElseThrow(() -> new IOException("the PDF worker said nothing: " + err));
            List<byte[]> out2 = new ArrayList<>();
            for (int i = 1; i <= pages; i++) {
                out2.add(Files.readAllBytes(out.resolve("page-" + i + ".png")));
            }
            return out2;
        } finally {
            try (Stream<Path> walk = Files.walk(job)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
