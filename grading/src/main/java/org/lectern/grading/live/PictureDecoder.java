package org.lectern.grading.live;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an uploaded picture only after reading its size from the header: a 2 KB PNG may declare 40000×40000
 * pixels, which ImageIO.read would allocate (6 GB) before anyone could look at its width. The reader's
 * getWidth/getHeight read the header alone; a picture beyond the limit is refused with that size in words.
 */
public final class PictureDecoder {

    private PictureDecoder() {
    }

    /** The picture, or an {@link IllegalArgumentException} saying what is wrong, in words for the student. */
    public static BufferedImage decode(byte[] bytes, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("not a PNG, JPEG, GIF or BMP image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > maxSide || height > maxSide) {
                    throw new IllegalArgumentException("it is " + width + "×" + height + " pixels; at most " + maxSide
                            + " pixels a side.");
                }
                BufferedImage picture = reader.read(0);
                if (picture == null) {
                    throw new IllegalArgumentException("not a PNG, JPEG, GIF or BMP image.");
                }
                return picture;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad && bad.getMessage() != null && !(e instanceof NumberFormatException)) {
                throw bad;
            }
            throw new IllegalArgumentException("it could not be read as an image (" + e.getMessage() + ").");
        }
    }
}
