package org.lectern.grading.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Pictures are measured from their header before anything is decoded. */
class PictureDecoderTest {

    /** A PNG of a few hundred bytes whose header declares width × height grey pixels (its data says little). */
    public static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, deflate, no filter, no interlace
        chunk(d, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            z.write(new byte[Math.min(width + 1, 1 << 16)]); // one row of zeros: the rest is missing
        }
        chunk(d, "IDAT", idat.toByteArray());
        chunk(d, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aSmallFileDeclaringAHugePictureIsRefusedFromItsHeader() throws IOException {
        byte[] bomb = pngDeclaring(40_000, 40_000);
        assertThat(bomb.length).isLessThan(1024);
        assertThatThrownBy(() -> PictureDecoder.decode(bomb, 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("it is 40000×40000 pixels; at most 4096 pixels a side.");
        assertThatThrownBy(() -> PictureDecoder.decode(pngDeclaring(5000, 10), 4096)).hasMessageContaining("5000×10 pixels");
    }

    @Test
    void anOrdinaryPictureDecodesAndJunkIsNamed() throws IOException {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        BufferedImage back = PictureDecoder.decode(png.toByteArray(), 4096);
        assertThat(back.getWidth()).isEqualTo(32);
        assertThat(back.getHeight()).isEqualTo(24);
        assertThatThrownBy(() -> PictureDecoder.decode("not a picture".getBytes(), 4096)).hasMessage("not a PNG, JPEG, GIF or BMP image.");
    }
}
