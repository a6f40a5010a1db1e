package org.lectern.grading.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigitBitmapTest {

    /** An "L": a 1-cell stroke down the left, then along the bottom, on an 8×10 cell pattern. */
    private static final String[] L = {
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "#.......",
            "########"};

    /** The pattern drawn with each cell {@code cell} pixels wide, at (left, top) of a size×size grid. */
    private static float[] draw(String[] pattern, int cell, int left, int top, int size) {
        float[] ink = new float[size * size];
        for (int r = 0; r < pattern.length; r++) {
            for (int c = 0; c < pattern[r].length(); c++) {
                if (pattern[r].charAt(c) == '#') {
                    for (int y = 0; y < cell; y++) {
                        for (int x = 0; x < cell; x++) {
                            ink[(top + r * cell + y) * size + left + c * cell + x] = 1f;
                        }
                    }
                }
            }
        }
        return ink;
    }

    private static float sum(float[] image) {
        float total = 0;
        for (float v : image) {
            total += v;
        }
        return total;
    }

    @Test
    void nothingDrawnIsAnEmptyImage() {
        assertThat(DigitBitmap.fromInk(new float[100 * 100], 100, 100)).containsOnly(0f).hasSize(64);
    }

    @Test
    void aFilledSquareFillsEveryBlock() {
        float[] ink = new float[50 * 50];
        for (int y = 10; y < 30; y++) {
            for (int x = 15; x < 35; x++) {
                ink[y * 50 + x] = 1f;
            }
        }
        assertThat(DigitBitmap.fromInk(ink, 50, 50)).containsOnly(16f);
    }

    static Stream<Arguments> sizesAndPlaces() {
        return Stream.of(
                Arguments.of(3, 0, 0, 64),
                Arguments.of(5, 10, 7, 64),
                Arguments.of(6, 100, 150, 280),
                Arguments.of(20, 30, 40, 280));
    }

    @ParameterizedTest(name = "cells of {0} px at ({1},{2}) in {3}x{3}")
    @MethodSource("sizesAndPlaces")
    void theSameDigitSmallOrLargeAnywhereGivesTheSameImage(int cell, int left, int top, int size) {
        float[] reference = DigitBitmap.fromInk(draw(L, 4, 2, 2, 64), 64, 64);
        assertThat(DigitBitmap.fromInk(draw(L, cell, left, top, size), size, size)).containsExactly(reference);
    }

    @Test
    void aThinUprightStrokeStaysThinAndCentredLikeTheDigitsOnes() {
        float[] ink = new float[100 * 100];
        for (int y = 10; y < 91; y++) {
            for (int x = 20; x < 26; x++) {
                ink[y * 100 + x] = 1f;
            }
        }
        float[] image = DigitBitmap.fromInk(ink, 100, 100);
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                float v = image[row * 8 + col];
                if (col == 3 || col == 4) {
                    assertThat(v).as("row %d col %d", row, col).isPositive();
                } else {
                    assertThat(v).as("row %d col %d", row, col).isZero();
                }
            }
        }
    }

    @Test
    void valuesCountOnPixelsOfFourByFourBlocks() {
        float[] image = DigitBitmap.fromInk(draw(L, 4, 2, 2, 64), 64, 64);
        for (float v : image) {
            assertThat(v).isBetween(0f, 16f).isEqualTo((float) Math.rint(v));
        }
        assertThat(sum(image)).isPositive();
    }

    @Test
    void darkOnLightAndLightOnDarkPicturesGiveTheSameImage() {
        BufferedImage dark = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        BufferedImage light = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        paint(dark, Color.WHITE, Color.BLACK);
        paint(light, Color.BLACK, Color.WHITE);
        float[] a = DigitBitmap.fromImage(dark);
        assertThat(sum(a)).isPositive();
        assertThat(DigitBitmap.fromImage(light)).containsExactly(a);
    }

    private static void paint(BufferedImage image, Color paper, Color ink) {
        Graphics2D g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(ink);
        g.fillRect(40, 10, 30, 8); // a "7": the top bar and a slanted leg
        g.fillPolygon(new int[] {62, 70, 52, 44}, new int[] {18, 18, 80, 80}, 4);
        g.dispose();
    }

    @Test
    void aHexDrawingIsReadCellByCell() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 16 * 16; i++) {
            hex.append(i / 16 >= 4 && i / 16 < 12 && i % 16 >= 4 && i % 16 < 12 ? 'f' : '0');
        }
        assertThat(DigitBitmap.fromHexGrid(hex.toString(), 16)).containsOnly(16f);
    }

    @Test
    void aBrokenDrawingSaysWhatIsWrong() {
        assertThatThrownBy(() -> DigitBitmap.fromHexGrid("00", 16))
                .hasMessage("a 16x16 drawing has 256 cells, not 2");
        assertThatThrownBy(() -> DigitBitmap.fromHexGrid("g".repeat(256), 16))
                .hasMessage("cell 0 of the drawing is 'g', not a hexadecimal digit");
        assertThatThrownBy(() -> DigitBitmap.fromHexGrid("0".repeat(16), 4))
                .hasMessage("a drawing is 8 to 512 cells wide, not 4");
        assertThatThrownBy(() -> DigitBitmap.fromInk(new float[3], 2, 2))
                .hasMessage("an ink grid of 2x2 has 4 values, not 3");
    }
}
