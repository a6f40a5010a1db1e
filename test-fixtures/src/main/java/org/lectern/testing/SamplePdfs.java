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
    public static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
