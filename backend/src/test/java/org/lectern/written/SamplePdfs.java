package org.lectern.written;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs for tests and benchmarks. */
public final class SamplePdfs {

    private SamplePdfs() {
    }

    /** A PDF of {@code n} letter pages, each saying its number. */
    public static byte[] answers(int n) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= n; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 28);
                    c.newLineAtOffset(72, 700);
                    c.showText("Answer page " + i);
                    c.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
