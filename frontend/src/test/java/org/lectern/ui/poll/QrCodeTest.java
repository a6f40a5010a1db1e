package org.lectern.ui.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    /** The SVG's squares, painted into pixels and read back by ZXing's decoder, give the address. */
    @Test
    void theCodeReadsBackAsTheJoinAddress() throws Exception {
        String url = "https://lectern.example.edu/poll/AB12CD";
        String svg = QrCode.svg(url);
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int n = Integer.parseInt(size.group(1));
        int scale = 4;
        int[] pixels = new int[n * scale * n * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher sq = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (sq.find()) {
            int x = Integer.parseInt(sq.group(1));
            int y = Integer.parseInt(sq.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * n * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(n * scale, n * scale, pixels);
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        assertThat(read).isEqualTo(url);
    }
}
