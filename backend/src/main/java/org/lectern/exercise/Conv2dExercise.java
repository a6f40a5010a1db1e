package org.lectern.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 2-D convolution of a small integer image with a 2x2 or 3x3 kernel, zero padding 0 or 1 and stride
 * 1 or 2; the answer is the output feature map, cell by cell.
 * <p>"Convolution" is cross-correlation, as in PyTorch's Conv2d and the UW CSE 416 slides: the
 * kernel is not flipped. A flipped-kernel answer gets feedback saying so; kernels symmetric under
 * a half turn are not drawn, so that slip always shows.
 * <p>{@link #cse416Poll()} is the lecture's own poll (4x4 image 1..16, kernel [[1,1],[0,2]], 1x1
 * zero padding, 2x2 stride), with the same numbers for every seed.
 */
public final class Conv2dExercise implements ExerciseGenerator {

    record Problem(int[][] image, int[][] kernel, int padding, int stride) {
    }

    /** The UW CSE 416 CNN lecture's poll; its answer on the slide is [[2,6,0],[23,35,8],[13,29,16]]. */
    static final Problem CSE416_POLL = new Problem(
            new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}},
            new int[][] {{1, 1}, {0, 2}}, 1, 2);

    /** {image side, kernel side, padding, stride} whose output is 2 to 4 cells wide and fits evenly. */
    static final List<int[]> SETTINGS = settings();

    private final String key;
    private final Problem fixed;

    public Conv2dExercise() {
        this("conv2d", null);
    }

    private Conv2dExercise(String key, Problem fixed) {
        this.key = key;
        this.fixed = fixed;
    }

    /** The lecture's poll as a fixed exercise: everyone sees the slide's numbers. */
    public static Conv2dExercise cse416Poll() {
        return new Conv2dExercise("conv2d-cse416-poll", CSE416_POLL);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return fixed == null ? "2-D convolution with padding and stride" : "2-D convolution: the CSE 416 poll";
    }

    @Override
    public String topic() {
        return "Convolutional networks";
    }

    @Override
    public boolean variesWithSeed() {
        return fixed == null;
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(fixed != null ? fixed : draw(new Draw(seed)), seed);
    }

    static Problem draw(Draw draw) {
        int[] setting = draw.pick(SETTINGS);
        int[][] image = draw.ints(setting[0], setting[0], 0, 5);
        int[][] kernel;
        do {
            kernel = draw.ints(setting[1], setting[1], -1, 2);
        } while (nonZeroCount(kernel) < 2 || Arrays.deepEquals(kernel, rotate180(kernel)));
        return new Problem(image, kernel, setting[2], setting[3]);
    }

    /** Cross-correlation of the zero-padded image with the kernel, moving {@code stride} cells at a time. */
    static int[][] convolve(int[][] image, int[][] kernel, int padding, int stride) {
        int[][] padded = pad(image, padding);
        int k = kernel.length;
        int out = ConvOutputSizeExercise.outputSize(image.length, k, padding, stride);
        int[][] result = new int[out][out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                int sum = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        sum += kernel[a][b] * padded[i * stride + a][j * stride + b];
                    }
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    static int[][] pad(int[][] image, int padding) {
        int n = image.length + 2 * padding;
        int[][] padded = new int[n][n];
        for (int r = 0; r < image.length; r++) {
            System.arraycopy(image[r], 0, padded[r + padding], padding, image[r].length);
        }
        return padded;
    }

    static int[][] rotate180(int[][] kernel) {
        int k = kernel.length;
        int[][] out = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                out[a][b] = kernel[k - 1 - a][k - 1 - b];
            }
        }
        return out;
    }

    ExerciseInstance instance(Problem p, long seed) {
        int w = p.image().length;
        int k = p.kernel().length;
        int out = ConvOutputSizeExercise.outputSize(w, k, p.padding(), p.stride());
        int[][] padded = pad(p.image(), p.padding());
        int[][] result = convolve(p.image(), p.kernel(), p.padding(), p.stride());
        String lead = fixed == null ? "" : "What is the result of applying a convolution using this kernel on this input image? "
                + "Use 1x1 zero padding and a 2x2 stride.\n\n";
        String prompt = lead + "Apply the " + size(k) + " kernel $K$ to the " + size(w) + " image $X$ with zero padding $P = "
                + p.padding() + "$ (" + (p.padding() == 0 ? "none" : "a border of " + p.padding() + " zero on every side")
                + ") and stride $S = " + p.stride() + "$ (the kernel moves " + p.stride() + (p.stride() == 1 ? " cell" : " cells")
                + " at a time, across and down).\n\n"
                + "As in deep-learning libraries, *convolution* here is cross-correlation: the kernel is **not** flipped. "
                + "Each output cell is the sum of the element-wise products of the kernel and the window under it:\n\n"
                + "$$Y_{ij} = \\sum_{a,b} K_{ab}\\, X^{\\text{pad}}_{iS+a,\\; jS+b}$$\n\n"
                + "Enter the output $Y$ cell by cell.";
        StringBuilder first = new StringBuilder();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                first.append(a + b == 0 ? "" : " + ").append(p.kernel()[a][b]).append("\\cdot ").append(MathText.term(padded[a][b]));
            }
        }
        int[][] window = new int[k][];
        for (int a = 0; a < k; a++) {
            window[a] = Arrays.copyOf(padded[a], k);
        }
        Part part = Part.builder("output", "The output feature map $Y$:", AnswerShape.matrix(out, out))
                .expected(Answer.matrix(result))
                .tolerance(Tolerance.EXACT)
                .hint("The output has $(W - K + 2P)/S + 1 = (" + w + " - " + k + " + 2\\cdot " + p.padding() + ")/" + p.stride()
                        + " + 1 = " + out + "$ rows and as many columns ($W$: image side, $K$: kernel side).")
                .hint(p.padding() == 0
                        ? "There is no padding: the first window is the image's top-left " + size(k) + " corner, and every window stays inside the image."
                        : "Surround the image with " + p.padding() + " ring of zeros first: the padded image is " + size(padded.length)
                                + ", and the first window is its top-left " + size(k) + " corner.")
                .hint("Top-left cell: the window $" + MathText.matrix(window) + "$ times the kernel, element by element, summed: $"
                        + first + " = " + result[0][0] + "$. The next cell's window starts " + p.stride()
                        + (p.stride() == 1 ? " column" : " columns") + " to the right.")
                .explanation((p.padding() == 0 ? "" : "Padded image: $$" + MathText.matrix(padded) + "$$\n\n")
                        + "Sliding the kernel with stride " + p.stride() + " gives $$Y = " + MathText.matrix(result) + "$$")
                .mistake(Answer.matrix(convolve(p.image(), rotate180(p.kernel()), p.padding(), p.stride())),
                        "That is the kernel flipped by 180 degrees (textbook convolution). Deep-learning convolution slides the kernel as it is.")
                .build();
        List<Given> givens = List.of(Given.matrix("Image $X$", p.image()), Given.matrix("Kernel $K$", p.kernel()));
        return new ExerciseInstance(key, seed, prompt, givens, List.of(part));
    }

    private static String size(int n) {
        return n + "x" + n;
    }

    private static int nonZeroCount(int[][] m) {
        int n = 0;
        for (int[] row : m) {
            for (int v : row) {
                n += v != 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static List<int[]> settings() {
        List<int[]> out = new ArrayList<>();
        for (int w : new int[] {4, 5}) {
            for (int k : new int[] {2, 3}) {
                for (int p = 0; p <= 1; p++) {
                    for (int s = 1; s <= 2; s++) {
                        int span = w - k + 2 * p;
                        if (span % s == 0 && span / s + 1 >= 2 && span / s + 1 <= 4) {
                            out.add(new int[] {w, k, p, s});
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
