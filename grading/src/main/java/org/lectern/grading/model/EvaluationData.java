package org.lectern.grading.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model assignment's hidden evaluation data: images, their labels, and which split each belongs to, held in
 * memory as stored pixel values (normalisation happens when batches are built).
 *
 * <p>On disk (format {@value #FORMAT}, see models/README.md), a folder with:
 * <ul>
 *   <li>{@code data.json}: {@code {"format": "lectern-eval-v1", "images": "images.f32", "labels": "labels.csv",
 *       "dtype": "float32" | "uint8", "byteOrder": "little", "layout": "NCHW", "shape": [N, C, H, W],
 *       "classes": K}};</li>
 *   <li>the images file: N·C·H·W values, row-major in that shape, float32 little-endian or uint8, no header;</li>
 *   <li>the labels CSV: a header {@code id,label,split}, then one row per image: its index in the images file
 *       (0..N-1, each once, any order), its class (0..K-1), and {@code public} or {@code private}.</li>
 * </ul>
 */
public final class EvaluationData {

    public static final String FORMAT = "lectern-eval-v1";
    public static final String HEADER_FILE = "data.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    private final float[] pixels;
    private final int[] labels;
    private final Split[] splits;

    private EvaluationData(int channels, int height, int width, int classes, float[] pixels, int[] labels,
                           Split[] splits) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
        this.splits = splits;
    }

    /**
     * Data held in memory.
     *
     * @param pixels stored values, row-major [n, channels, height, width]
     * @param labels class of each image
     * @param splits split of each image
     */
    public static EvaluationData of(int channels, int height, int width, int classes, float[] pixels, int[] labels,
                                    Split[] splits) {
        if (channels < 1 || height < 1 || width < 1 || classes < 2) {
            throw new IllegalArgumentException("channels, height, width must be positive and classes at least 2");
        }
        int n = labels.length;
        if (splits.length != n || (long) n * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " values, " + labels.length + " labels and "
                    + splits.length + " splits do not describe the same images");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("image " + i + " has label " + labels[i] + ", outside 0.."
                        + (classes - 1));
            }
            if (splits[i] == null) {
                throw new IllegalArgumentException("image " + i + " has no split");
            }
        }
        return new EvaluationData(channels, height, width, classes, pixels.clone(), labels.clone(), splits.clone());
    }

    /** Reads a folder in the {@value #FORMAT} format; the message of a failure names the file and line. */
    public static EvaluationData load(Path folder) throws IOException, EvaluationDataException {
        Path headerFile = folder.resolve(HEADER_FILE);
        if (!Files.isRegularFile(headerFile)) {
            throw new EvaluationDataException(HEADER_FILE + " is missing in " + folder);
        }
        JsonNode header;
        try {
            header = JSON.readTree(Files.readString(headerFile, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new EvaluationDataException(HEADER_FILE + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(header.path("format").asString(""))) {
            throw new EvaluationDataException(HEADER_FILE + ": format must be \"" + FORMAT + "\"");
        }
        String dtype = header.path("dtype").asString("");
        if (!dtype.equals("float32") && !dtype.equals("uint8")) {
            throw new EvaluationDataException(HEADER_FILE + ": dtype must be \"float32\" or \"uint8\", not \"" + dtype
                    + "\"");
        }
        if (dtype.equals("float32") && !"little".equals(header.path("byteOrder").asString(""))) {
            throw new EvaluationDataException(HEADER_FILE + ": byteOrder must be \"little\"");
        }
        if (!"NCHW".equals(header.path("layout").asString("NCHW"))) {
            throw new EvaluationDataException(HEADER_FILE + ": layout must be \"NCHW\" (images are stored channels"
                    + " first; the assignment's input spec decides what the model gets)");
        }
        JsonNode shape = header.path("shape");
        if (!shape.isArray() || shape.size() != 4) {
            throw new EvaluationDataException(HEADER_FILE + ": shape must be [N, C, H, W]");
        }
        int[] dims = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!shape.get(i).canConvertToInt() || shape.get(i).asInt() < 1) {
                throw new EvaluationDataException(HEADER_FILE + ": shape must hold 4 positive integers");
            }
            dims[i] = shape.get(i).asInt();
        }
        int classes = header.path("classes").asInt(0);
        if (classes < 2) {
            throw new EvaluationDataException(HEADER_FILE + ": classes must be at least 2");
        }
        long values = (long) dims[0] * dims[1] * dims[2] * dims[3];
        if (values > Integer.MAX_VALUE - 8) {
            throw new EvaluationDataException(HEADER_FILE + ": " + values + " values are more than one array holds");
        }
        Path images = member(folder, header, "images");
        Path labelsFile = member(folder, header, "labels");
        float[] pixels = readImages(images, dtype, (int) values);
        int n = dims[0];
        int[] labels = new int[n];
        Split[] splits = new Split[n];
        readLabels(labelsFile, classes, labels, splits);
        return new EvaluationData(dims[1], dims[2], dims[3], classes, pixels, labels, splits);
    }

    private static Path member(Path folder, JsonNode header, String field) throws EvaluationDataException {
        String name = header.path(field).asString("");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new EvaluationDataException(HEADER_FILE + ": " + field
                    + " must name a file in the same folder, without a path");
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new EvaluationDataException(name + " is missing in " + folder);
        }
        return file;
    }

    private static float[] readImages(Path file, String dtype, int values) throws IOException,
            EvaluationDataException {
        int bytesPerValue = dtype.equals("float32") ? 4 : 1;
        long expected = (long) values * bytesPerValue;
        long actual = Files.size(file);
        if (actual != expected) {
            throw new EvaluationDataException(String.format(java.util.Locale.ROOT,
                    "%s holds %,d bytes; the shape in %s needs %,d (%,d %s values)", file.getFileName(), actual,
                    HEADER_FILE, expected, values, dtype));
        }
        float[] pixels = new float[values];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, expected).order(ByteOrder.LITTLE_ENDIAN);
            if (bytesPerValue == 4) {
                bytes.asFloatBuffer().get(pixels);
            } else {
                for (int i = 0; i < values; i++) {
                    pixels[i] = bytes.get(i) & 0xFF;
                }
            }
        }
        for (int i = 0; i < values; i++) {
            if (!Float.isFinite(pixels[i])) {
                throw new EvaluationDataException(file.getFileName() + ": value " + i + " is " + pixels[i]);
            }
        }
        return pixels;
    }

    private static void readLabels(Path file, int classes, int[] labels, Split[] splits) throws IOException,
            EvaluationDataException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().strip().replace(" ", "").equals("id,label,split")) {
            throw new EvaluationDataException(name + ": the first line must be the header id,label,split");
        }
        boolean[] seen = new boolean[labels.length];
        int rows = 0;
        for (int line = 2; line <= lines.size(); line++) {
            String text = lines.get(line - 1).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != 3) {
                throw new EvaluationDataException(name + " line " + line + ": expected 3 values, found "
                        + cells.length);
            }
            int id = integer(name, line, "id", cells[0]);
            int label = integer(name, line, "label", cells[1]);
            Split split = Split.parse(cells[2]);
            if (id < 0 || id >= labels.length) {
                throw new EvaluationDataException(name + " line " + line + ": id " + id + " is outside 0.."
                        + (labels.length - 1) + ", the images in the images file");
            }
            if (seen[id]) {
                throw new EvaluationDataException(name + " line " + line + ": id " + id + " appears twice");
            }
            if (label < 0 || label >= classes) {
                throw new EvaluationDataException(name + " line " + line + ": label " + label + " is outside 0.."
                        + (classes - 1));
            }
            if (split == null) {
                throw new EvaluationDataException(name + " line " + line + ": split '" + cells[2].strip()
                        + "' is neither public nor private");
            }
            seen[id] = true;
            labels[id] = label;
            splits[id] = split;
            rows++;
        }
        if (rows != labels.length) {
            throw new EvaluationDataException(name + " labels " + rows + " images; the images file holds "
                    + labels.length);
        }
    }

    private static int integer(String file, int line, String column, String text) throws EvaluationDataException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new EvaluationDataException(file + " line " + line + ": " + column + " '" + text.strip()
                    + "' is not an integer");
        }
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int classes() {
        return classes;
    }

    public int imageSize() {
        return channels * height * width;
    }

    public int label(int image) {
        return labels[image];
    }

    public Split split(int image) {
        return splits[image];
    }

    /** The indices of the images of one split, ascending. */
    public int[] indices(Split split) {
        int[] found = new int[splits.length];
        int count = 0;
        for (int i = 0; i < splits.length; i++) {
            if (splits[i] == split) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** One image's stored values, [C, H, W] row-major (a copy). */
    public float[] image(int image) {
        int size = imageSize();
        return Arrays.copyOfRange(pixels, image * size, (image + 1) * size);
    }

    /** The stored values of all images, not copied: callers must not change them. */
    float[] pixels() {
        return pixels;
    }
}
