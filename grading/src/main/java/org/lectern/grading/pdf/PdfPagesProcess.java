package org.lectern.grading.pdf;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The worker JVM that opens a student's PDF (hostile input) and renders its pages to PNG; started by {@link PdfPages}
 * with a small heap, a CPU limit and a wall-clock kill, so a PDF bomb ends this process and never the app.
 *
 * <p>Arguments: {@code <in.pdf> <outDir> <dpi> <maxPages> <maxPixels>}. Writes {@code page-<n>.png} for every page
 * and prints {@code pages <n>} first; exit 2 with one line on stderr for a PDF refused (unreadable, encrypted, too
 * many pages). Nothing in a PDF is fetched or run: PDFBox renders content streams only (no JavaScript, no URLs).
 */
public final class PdfPagesProcess {

    private PdfPagesProcess() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
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

    private static void refuse(String why) {
        System.err.println(why);
        System.err.flush();
        System.exit(2);
    }
}
