package org.lectern.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs for tests and benchmarks: pages of a size, each with a line of text. */
public final class SamplePdfs {

    private SamplePdfs() {
    }

    /** A PDF of {@code n} letter pages, each saying its number (a student's written answers). */
    public static byte[] answers(int n) {
        return pages(n, PDRectangle.LETTER, i -> "Answer page " + i);
    }

    /** A PDF of {@code n} pages of {@code size}, page i (from 1) showing {@code text.apply(i)} near its top. */
    public static byte[] pages(int n, PDRectangle size, IntFunction<String> text) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= n; i++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    c.newLineAtOffset(72, size.getHeight() - 100);
                    c.showText(text.apply(i));
                    c.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's bytes, for a test that builds an odd PDF of its own (locked, scripted). */
    /** A photo-like image ({@code "png"} or {@code "jpg"}) of {@code w}×{@code h} pixels, a different shade per {@code seed}. */
    public static byte[] image(String format, int w, int h, int seed) {
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color((seed * 70) % 256, 120, 200));
        g.fillRect(0, 0, w, h);
        g.setColor(java.awt.Color.BLACK);
        g.drawString("Answer " + seed, 10, 20);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG whose header claims {@code w}×{@code h} pixels while its data is one pixel: a decompression bomb's header. */
    public static byte[] pngClaiming(int w, int h) {
        byte[] png = image("png", 1, 1, 0);
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(w).putInt(h); // IHDR data starts at byte 16
        var crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17); // "IHDR" + its 13 data bytes
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    public static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
