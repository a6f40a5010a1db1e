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

    /** The most pixels one image may claim (a 12-megapixel phone photo is 12 million): checked before it is decoded. */
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;
    /** Images are drawn at most this many pixels on their longer side (about 155 DPI on a letter page). */
    static final int MAX_IMAGE_SIDE = 1700;

    /** Whether these bytes start like a PNG or a JPEG (by magic bytes, whatever the file's name says). */
    public static boolean isImage(byte[] b) {
        return isPng(b) || (b != null && b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF);
    }

    private static boolean isPng(byte[] b) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        return b != null && b.length >= magic.length && java.util.Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * PNG or JPEG images joined into one PDF, one page per image in the order given, in the worker JVM (decoding a
     * student's image is as hostile as opening their PDF). Refused in words: not an image by its magic bytes, more
     * images than a PDF may have pages, or an image claiming more than {@link #MAX_IMAGE_PIXELS} (read from its header).
     */
    public byte[] joinImages(List<byte[]> images) throws Refused, IOException, InterruptedException {
        if (images.isEmpty()) {
            throw new Refused("No image was sent.");
        }
        if (images.size() > limits.maxPages()) {
            throw new Refused("At most " + limits.maxPages() + " images are joined into one PDF (this upload has " + images.size() + ").");
        }
        for (int i = 0; i < images.size(); i++) {
            if (!isImage(images.get(i))) {
                throw new Refused("Image " + (i + 1) + " is not a PNG or JPEG image (by its contents).");
            }
        }
        Path job = Files.createTempDirectory("lectern-join-");
        try {
            Path out = job.resolve("joined.pdf");
            List<String> args = new ArrayList<>(List.of("join", out.toString(), Long.toString(MAX_IMAGE_PIXELS), Integer.toString(MAX_IMAGE_SIDE)));
            for (int i = 0; i < images.size(); i++) {
                Path in = job.resolve("image-" + (i + 1));
                Files.write(in, images.get(i));
                args.add(in.toString());
            }
            String err = runWorker(job, args, "The images", "join");
            if (!Files.isRegularFile(out)) {
                throw new IOException("the PDF worker wrote no PDF: " + err);
            }
            return Files.readAllBytes(out);
        } finally {
            delete(job);
        }
    }

    /** Runs the worker on {@code args} in {@code job}; returns its stderr tail, or throws {@link Refused} in words. */
    private String runWorker(Path job, List<String> args, String what, String verb) throws Refused, IOException, InterruptedException {
        Path tmp = Files.createDirectory(job.resolve("tmp"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            command.addAll(List.of("/usr/bin/prlimit", "--cpu=" + Math.max(1, limits.wall().toSeconds()), "--core=0", "--"));
        }
        command.addAll(launcher.javaCommand(limits.heapMb() * 1024L * 1024L, tmp, job, tmp.toString(),
                List.of("-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError")));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(job.toFile())
                .redirectOutput(job.resolve("stdout").toFile()).redirectError(job.resolve("stderr").toFile());
        WorkerJvm.environment(builder, job, tmp);
        Process process = builder.start();
        if (!process.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS)) {
            WorkerJvm.kill(process);
            throw new Refused(what + " took too long to " + verb + " (over " + limits.wall().toSeconds() + " s); export it again or scan at a lower resolution.");
        }
        String err = WorkerJvm.logTail(job.resolve("stderr"), 2000).strip();
        if (process.exitValue() == 2) {
            throw new Refused(err.lines().reduce((a, b) -> b).orElse(what + " could not be used."));
        }
        if (process.exitValue() != 0) {
            // Out of memory, killed by the CPU limit, a crash: all the input's doing, so refuse it in words.
            throw new Refused(what + " could not be " + (verb.equals("draw") ? "drawn" : "joined") + " within the limits ("
                    + (err.contains("OutOfMemoryError") ? "memory" : "exit " + process.exitValue()) + "); export it again or scan at a lower resolution.");
        }
        return err;
    }

    private static void delete(Path job) throws IOException {
        try (Stream<Path> walk = Files.walk(job)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
            Files.write(in, pdf);
            String err = runWorker(job, List.of(in.toString(), out.toString(), Integer.toString(limits.dpi()),
                    Integer.toString(limits.maxPages()), Long.toString(limits.maxPixelsPerPage())), "The PDF", "draw");
            List<String> lines = Files.readAllLines(job.resolve("stdout"), StandardCharsets.UTF_8);
            int pages = lines.stream().filter(l -> l.startsWith("pages ")).map(l -> Integer.parseInt(l.substring(6).strip())).findFirst()
                    .orElseThrow(() -> new IOException("the PDF worker said nothing: " + err));
            List<byte[]> out2 = new ArrayList<>();
            for (int i = 1; i <= pages; i++) {
                out2.add(Files.readAllBytes(out.resolve("page-" + i + ".png")));
            }
            return out2;
        } finally {
            delete(job);
        }
    }
}
