package org.lectern.grading.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The worker JVM that opens a student's PDF (hostile input) and renders its pages to PNG; started by {@link PdfPages}
 * with a small heap, a CPU limit and a wall-clock kill, so a PDF bomb ends this process and never the app.
 *
 * <p>Arguments: {@code <in.pdf> <outDir> <dpi> <maxPages> <maxPixels>}. Writes {@code page-<n>.png} for every page
 * and prints {@code pages <n>} first; exit 2 with one line on stderr for a PDF refused (unreadable, encrypted, too
 * many pages). With {@code join} first, it joins students' PNG/JPEG images into one PDF instead (see {@link #join}).
 * Nothing in a PDF is fetched or run: PDFBox renders content streams only (no JavaScript, no URLs).
 */
public final class PdfPagesProcess {

    private PdfPagesProcess() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length > 0 && args[0].equals("join")) {
            join(args);
            return;
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        float dpi = Float.parseFloat(args[2]);
        int maxPages = Integer.parseInt(args[3]);
        long maxPixels = Long.parseLong(args[4]);
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new File(in.toString()));
        } catch (InvalidPasswordException e) {
            refuse("The PDF is password-protected; upload it without a password.");
            return;
        } catch (IOException | RuntimeException e) {
            refuse("This is not a readable PDF (" + e.getClass().getSimpleName() + ").");
            return;
        }
        try (doc) {
            int pages = doc.getNumberOfPages();
            if (pages < 1) {
                refuse("The PDF has no pages.");
            }
            if (pages > maxPages) {
                refuse("The PDF has " + pages + " pages; at most " + maxPages + " are taken.");
            }
            stdout.println("pages " + pages);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < pages; i++) {
                PDPage page = doc.getPage(i);
                Rectangle2D box = new Rectangle2D.Float(0, 0, page.getCropBox().getWidth(), page.getCropBox().getHeight());
                // A huge page (a 200-inch MediaBox) is drawn smaller rather than allocating gigabytes of pixels.
                double pixels = box.getWidth() / 72 * dpi * box.getHeight() / 72 * dpi;
                float scaleDpi = pixels > maxPixels ? (float) (dpi * Math.sqrt(maxPixels / pixels)) : dpi;
                BufferedImage image;
                try {
                    image = renderer.renderImageWithDPI(i, Math.max(scaleDpi, 1f), ImageType.RGB);
                } catch (IOException | RuntimeException e) {
                    refuse("Page " + (i + 1) + " of the PDF cannot be drawn (" + e.getClass().getSimpleName() + ").");
                    return;
                }
                Path png = out.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                stdout.println("page " + (i + 1) + " " + Files.size(png));
            }
        }
    }

    /**
     * {@code join <out.pdf> <maxPixels> <maxSide> <image>...}: one page per image, in order. Each image's size is read from
     * its header before any pixel is decoded, so a decompression bomb (a tiny file claiming 100000x100000 pixels) is
     * refused without allocating it; each is then drawn onto white at most {@code maxSide} pixels long and stored as JPEG.
     */
    private static void join(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        long maxPixels = Long.parseLong(args[2]);
        int maxSide = Integer.parseInt(args[3]);
        try (PDDocument doc = new PDDocument()) {
            for (int i = 4; i < args.length; i++) {
                int n = i - 3;
                BufferedImage image = decode(Path.of(args[i]), n, maxPixels);
                double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
                int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
                BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.setColor(Color.WHITE); // a transparent PNG becomes black on white, as it looked on screen
                g.fillRect(0, 0, w, h);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
                g.dispose();
                image.flush();
                // The longer side is 11 in (a letter page's height): pages render at the usual size whatever the photo's.
                float points = 792f / Math.max(w, h);
                PDPage page = new PDPage(new PDRectangle(w * points, h * points));
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(JPEGFactory.createFromImage(doc, rgb, 0.85f), 0, 0, w * points, h * points);
                }
            }
            doc.save(out.toFile());
        }
        System.out.println("joined " + (args.length - 4));
    }

    private static BufferedImage decode(Path file, int n, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                refuse("Image " + n + " is not a PNG or JPEG image that can be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > maxPixels) {
                    refuse("Image " + n + " is " + w + "x" + h + " pixels; at most " + maxPixels / 1_000_000
                            + " million pixels are taken. Take the photo at a lower resolution or scale it down.");
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                refuse("Image " + n + " cannot be read (" + e.getClass().getSimpleName() + ").");
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    private static void refuse(String why) {
        System.err.println(why);
        System.err.flush();
        System.exit(2);
    }
}
