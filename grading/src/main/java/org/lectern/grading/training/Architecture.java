package org.lectern.grading.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small network a student picks for a training run: its kind and its one size knob (the hidden width of an MLP,
 * the number of filters of the CNN; none for the linear model). Stored and sent as a key: {@code linear},
 * {@code mlp1-64}, {@code mlp2-32}, {@code cnn-8}.
 *
 * @param kind  which network
 * @param width hidden units per layer (MLPs), convolution filters (CNN), 0 for the linear model
 */
public record Architecture(Kind kind, int width) {

    /** The kinds, with the widths each allows (the first is the default). */
    public enum Kind {
        LINEAR("linear", "Linear (softmax regression)", List.of(0)),
        MLP1("mlp1", "MLP, one hidden layer (ReLU)", List.of(64, 16, 32, 128)),
        MLP2("mlp2", "MLP, two hidden layers (ReLU)", List.of(64, 16, 32, 128)),
        CNN("cnn", "Small CNN (3×3 conv + ReLU + 2×2 max-pool + linear)", List.of(8, 16));

        private final String key;
        private final String label;
        private final List<Integer> widths;

        Kind(String key, String label, List<Integer> widths) {
            this.key = key;
            this.label = label;
            this.widths = widths;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The widths one may choose, default first; {@code [0]} for the linear model. */
        public List<Integer> widths() {
            return widths;
        }

        public boolean hasWidth() {
            return this != LINEAR;
        }

        /** "hidden units" or "filters". */
        public String widthName() {
            return this == CNN ? "filters" : "hidden units";
        }
    }

    public static Architecture linear() {
        return new Architecture(Kind.LINEAR, 0);
    }

    public static Architecture mlp1(int width) {
        return new Architecture(Kind.MLP1, width);
    }

    public static Architecture mlp2(int width) {
        return new Architecture(Kind.MLP2, width);
    }

    public static Architecture cnn(int filters) {
        return new Architecture(Kind.CNN, filters);
    }

    /** {@code linear}, {@code mlp1-64}, {@code cnn-8}. */
    public String key() {
        return kind.hasWidth() ? kind.key() + "-" + width : kind.key();
    }

    /** Reads a key; empty when it names no architecture or a width the kind does not offer. */
    public static Optional<Architecture> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (!kind.hasWidth() && k.equals(kind.key())) {
                return Optional.of(new Architecture(kind, 0));
            }
            if (kind.hasWidth() && k.startsWith(kind.key() + "-")) {
                try {
                    int width = Integer.parseInt(k.substring(kind.key().length() + 1));
                    return kind.widths().contains(width) ? Optional.of(new Architecture(kind, width)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Every architecture one may choose, in the order a form lists them. */
    public static List<Architecture> all() {
        return java.util.Arrays.stream(Kind.values())
                .flatMap(k -> k.widths().stream().sorted().map(w -> new Architecture(k, w)))
                .toList();
    }

    /** Whether the width is one the kind offers. */
    public boolean valid() {
        return kind != null && kind.widths().contains(width);
    }

    /** "MLP, one hidden layer (ReLU), 64 hidden units". */
    public String label() {
        return kind.hasWidth() ? kind.label() + ", " + width + " " + kind.widthName() : kind.label();
    }

    /** A short name for tables and legends: "Linear", "MLP 64", "MLP 2×64", "CNN 8". */
    public String shortLabel() {
        return switch (kind) {
            case LINEAR -> "Linear";
            case MLP1 -> "MLP " + width;
            case MLP2 -> "MLP 2×" + width;
            case CNN -> "CNN " + width;
        };
    }

    /**
     * Trainable parameters for images of {@code channels × height × width} and {@code classes} classes, weights and
     * biases: what PyTorch's {@code sum(p.numel())} counts.
     */
    public long parameters(int channels, int height, int imageWidth, int classes) {
        long in = (long) channels * height * imageWidth;
        return switch (kind) {
            case LINEAR -> in * classes + classes;
            case MLP1 -> in * width + width + (long) width * classes + classes;
            case MLP2 -> in * width + width + (long) width * width + width + (long) width * classes + classes;
            case CNN -> (long) channels * 9 * width + width + pooled(height) * pooled(imageWidth) * width * classes + classes;
        };
    }

    /** Multiply-adds of one forward pass of one image: the architecture's share of a run's cost. */
    public long multiplyAdds(int channels, int height, int imageWidth, int classes) {
        long in = (long) channels * height * imageWidth;
        return switch (kind) {
            case LINEAR -> in * classes;
            case MLP1 -> in * width + (long) width * classes;
            case MLP2 -> in * width + (long) width * width + (long) width * classes;
            case CNN -> (long) height * imageWidth * width * channels * 9 + pooled(height) * pooled(imageWidth) * width * classes;
        };
    }

    private static long pooled(int size) {
        return size / 2;
    }
}
