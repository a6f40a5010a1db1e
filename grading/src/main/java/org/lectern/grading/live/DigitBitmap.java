package org.lectern.grading.live;

import java.awt.image.BufferedImage;

/**
 * Turns a drawn or uploaded digit into the 8×8 image the course model was trained on, the way scikit-learn's
 * digits were made (UCI optdigits): the digit is size-normalised into a 32×32 bitmap, which is cut into 4×4
 * blocks whose "on" pixels are counted, giving values 0 to 16. A digit drawn small in a corner and the same digit
 * drawn large in the middle give the same image, as they did for the people whose digits the model learned.
 */
public final class DigitBitmap {

    public static final int SIDE = 8;
    public static final int PIXELS = SIDE * SIDE;
    static final int BITMAP = 32;
    private static final int BLOCK = BITMAP / SIDE;
    /** An ink value above this counts as drawn when finding the digit's extent. */
    private static final float INK = 0.1f;
    /** A 32×32 bitmap pixel is on when at least this share of the area it covers is inked. */
    private static final float ON = 0.3f;

    private DigitBitmap() {
    }

    /**
     * The 8×8 image (values 0..16, row-major) of an ink grid: {@code ink[y * width + x]} from 0 (paper) to 1
     * (ink). All zeros when nothing is drawn.
     */
    public static float[] fromInk(float[] ink, int width, int height) {
        if (width < 1 || height < 1 || ink.length != width * height) {
            throw new IllegalArgumentException("an ink grid of " + width + "x" + height + " has " + width * height
                    + " values, not " + ink.length);
        }
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x] > INK) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        float[] image = new float[PIXELS];
        if (right < 0) {
            return image;
        }
        // The longer side of the digit's box fills the 32 pixels; the other is centred (a "1" stays thin).
        double boxWidth = right - left + 1;
        double boxHeight = bottom - top + 1;
        double scale = BITMAP / Math.max(boxWidth, boxHeight); // bitmap pixels per source pixel
        double offsetX = (BITMAP - boxWidth * scale) / 2;
        double offsetY = (BITMAP - boxHeight * scale) / 2;
        for (int by = 0; by < BITMAP; by++) {
            for (int bx = 0; bx < BITMAP; bx++) {
                // The source area this bitmap pixel covers.
                double sx0 = left + (bx - offsetX) / scale;
                double sx1 = left + (bx + 1 - offsetX) / scale;
                double sy0 = top + (by - offsetY) / scale;
                double sy1 = top + (by + 1 - offsetY) / scale;
                if (coverage(ink, width, height, sx0, sx1, sy0, sy1) >= ON) {
                    image[(by / BLOCK) * SIDE + bx / BLOCK] += 1;
                }
            }
        }
        return image;
    }

    /**
     * The 8×8 image of a picture: dark ink on light paper or light ink on dark paper (whichever the picture's
     * border says is paper), any size.
     */
    public static float[] fromImage(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        float[] gray = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = picture.getRGB(x, y);
                float alpha = ((argb >>> 24) & 0xff) / 255f;
                float luminance = (0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff)
                        + 0.114f * (argb & 0xff)) / 255f;
                // Transparent areas are paper: composite on white.
                gray[y * w + x] = alpha * luminance + (1 - alpha);
            }
        }
        double border = 0;
        int count = 0;
        for (int x = 0; x < w; x++) {
            border += gray[x] + gray[(h - 1) * w + x];
            count += 2;
        }
        for (int y = 0; y < h; y++) {
            border += gray[y * w] + gray[y * w + w - 1];
            count += 2;
        }
        boolean lightPaper = border / count >= 0.5;
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = lightPaper ? 1 - gray[i] : gray[i];
        }
        return fromInk(ink, w, h);
    }

    /**
     * An ink grid sent by the browser's drawing pad: {@code size × size} hexadecimal digits, 0 (paper) to f
     * (ink), row by row.
     */
    public static float[] fromHexGrid(String hex, int size) {
        if (size < 8 || size > 512) {
            throw new IllegalArgumentException("a drawing is 8 to 512 cells wide, not " + size);
        }
        if (hex == null || hex.length() != size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " drawing has " + size * size
                    + " cells, not " + (hex == null ? 0 : hex.length()));
        }
        float[] ink = new float[size * size];
        for (int i = 0; i < ink.length; i++) {
            int v = Character.digit(hex.charAt(i), 16);
            if (v < 0) {
                throw new IllegalArgumentException("cell " + i + " of the drawing is '" + hex.charAt(i)
                        + "', not a hexadecimal digit");
            }
            ink[i] = v / 15f;
        }
        return fromInk(ink, size, size);
    }

    /** The mean ink over a source rectangle (in source pixel units; parts outside the grid are paper). */
    private static double coverage(float[] ink, int width, int height, double x0, double x1, double y0, double y1) {
        double area = (x1 - x0) * (y1 - y0);
        if (area <= 0) {
            return 0;
        }
        double sum = 0;
        int fromX = (int) Math.floor(x0);
        int toX = (int) Math.ceil(x1);
        int fromY = (int) Math.floor(y0);
        int toY = (int) Math.ceil(y1);
        for (int y = Math.max(0, fromY); y < Math.min(height, toY); y++) {
            double overlapY = Math.min(y + 1, y1) - Math.max(y, y0);
            if (overlapY <= 0) {
                continue;
            }
            for (int x = Math.max(0, fromX); x < Math.min(width, toX); x++) {
                double overlapX = Math.min(x + 1, x1) - Math.max(x, x0);
                if (overlapX > 0) {
                    sum += ink[y * width + x] * overlapX * overlapY;
                }
            }
        }
        return sum / area;
    }
}
