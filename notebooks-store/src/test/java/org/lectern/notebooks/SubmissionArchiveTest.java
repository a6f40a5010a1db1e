package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionArchiveTest {

    private static final long MB = 1024 * 1024;
    private static final UploadLimits LIMITS = new UploadLimits(Set.of(".py", ".ipynb"), 5 * MB, 20);
    private static final byte[] NOTEBOOK = "{\"nbformat\": 4, \"cells\": []}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LATIN_1 = "print('café')".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void acceptsASinglePythonFile() {
        byte[] code = "print('hi')\n".getBytes(StandardCharsets.UTF_8);

        assertThat(SubmissionArchive.unpack("hw1.py", code, LIMITS)).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("hw1.py");
            assertThat(file.content()).isEqualTo(code);
            assertThat(file.sha256()).isEqualTo(SubmissionArchive.sha256(code));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "HW1.IPYNB, HW1.IPYNB",
        "C:\\fakepath\\hw1.ipynb, hw1.ipynb",
        "folder/hw1.ipynb, hw1.ipynb"})
    void keepsOnlyTheBaseNameOfASingleFile(String uploadedAs, String path) {
        assertThat(SubmissionArchive.unpack(uploadedAs, NOTEBOOK, LIMITS)).extracting(SubmittedFile::path).containsExactly(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hw1.docx", "hw1.py.exe", "hw1", "notes.txt"})
    void rejectsOtherFileTypesNamingTheAcceptedOnes(String name) {
        assertThatThrownBy(() -> SubmissionArchive.unpack(name, NOTEBOOK, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessage(name + " is not an accepted file type. Accepted file types: .ipynb, .py, or a .zip of them.");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> SubmissionArchive.unpack("hw1.py", new byte[0], LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("hw1.py is empty.");
    }

    @ParameterizedTest
    @CsvSource({"5242880, 5 MB", "512000, 500 KB", "1572864, 1.5 MB"})
    void rejectsAnUploadOverTheLimitSayingTheLimit(long limit, String said) {
        UploadLimits limits = new UploadLimits(Set.of(".py"), limit, 5);

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw1.py", new byte[(int) limit + 1], limits))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("The submission is larger than the " + said + " limit");
    }

    @Test
    void rejectsAPythonFileThatIsNotUtf8() {
        assertThatThrownBy(() -> SubmissionArchive.unpack("hw1.py", LATIN_1, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("hw1.py is not UTF-8 text.");
    }

    @Test
    void unpacksAZipSkippingFoldersAndEditorClutter() {
        byte[] zip = new ZipBytes()
                .add("hw/", "")
                .add("hw/main.py", "import util\n")
                .add("./hw//util.py", "X = 1\n")
                .add("hw/analysis.ipynb", NOTEBOOK)
                .add("__MACOSX/hw/._main.py", new byte[] {0, 5, 22, 7, (byte) 0xFF})
                .add("hw/.ipynb_checkpoints/analysis-checkpoint.ipynb", NOTEBOOK)
                .add("hw/.DS_Store", new byte[] {0, 0, 0, 1})
                .add("hw/__init__.py", "")
                .bytes();

        assertThat(SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .extracting(SubmittedFile::path, file -> new String(file.content(), StandardCharsets.UTF_8))
                .containsExactly(
                        tuple("hw/main.py", "import util\n"),
                        tuple("hw/util.py", "X = 1\n"),
                        tuple("hw/analysis.ipynb", new String(NOTEBOOK, StandardCharsets.UTF_8)),
                        tuple("hw/__init__.py", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.py", "/etc/passwd", "a/../../b.py", "..\\x.py", "a\\b.py", "a/../b.py", "C:/x.py", "../", "x\u0000.py"})
    void rejectsPathTraversal(String name) {
        byte[] zip = new ZipBytes().add("ok.py", "x = 1").add(name, "x = 2").bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("(path traversal)");
    }

    @Test
    void rejectsSymbolicLinks() {
        byte[] zip = ZipBytes.markAsSymlink(new ZipBytes().add("ok.py", "x = 1").add("secrets.py", "/etc/shadow").bytes(), 1);

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("secrets.py is a symbolic link.");
    }

    @Test
    void rejectsTooManyFiles() {
        UploadLimits limits = new UploadLimits(Set.of(".py"), MB, 2);
        byte[] zip = new ZipBytes().add("a.py", "a = 1").add("b.py", "b = 1").add("c.py", "c = 1").bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, limits))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("hw.zip holds more than 2 files");
    }

    @Test
    void acceptsExactlyTheMostFilesAllowed() {
        UploadLimits limits = new UploadLimits(Set.of(".py"), MB, 2);
        byte[] zip = new ZipBytes().add("a.py", "a = 1").add("b.py", "b = 1").bytes();

        assertThat(SubmissionArchive.unpack("hw.zip", zip, limits)).hasSize(2);
    }

    @Test
    void rejectsAZipBombQuicklyWithoutInflatingItAll() {
        // 50 MB of zeros deflate to about 50 KB; the local header records no sizes, and the central one is made to claim 10 bytes.
        byte[] bomb = ZipBytes.patchCentralDirectory(new ZipBytes().addZeros("data.py", 50 * MB).bytes(), 0, 24, 10);
        assertThat(bomb.length).isLessThan(100 * 1024);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", bomb, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("The submission is larger than the 5 MB limit");

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).as("bytes allocated").isLessThan(30 * MB);
    }

    @Test
    void countsSkippedEntriesTowardsTheLimit() {
        byte[] bomb = new ZipBytes().add("ok.py", "x = 1").addZeros("__MACOSX/._ok.py", 50 * MB).bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", bomb, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("The submission is larger than the 5 MB limit");
    }

    @Test
    void rejectsLargeEntriesCompressedMoreThan100To1() {
        UploadLimits roomy = new UploadLimits(Set.of(".py"), 50 * MB, 5);
        byte[] zip = new ZipBytes().addZeros("zeros.py", 2 * MB).bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, roomy))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("zeros.py is compressed more than 100 to 1");
    }

    @Test
    void acceptsLargeEntriesThatCompressLikeRealText() {
        UploadLimits roomy = new UploadLimits(Set.of(".py"), 50 * MB, 5);
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 2 * MB) {
            text.append("v").append(random.nextInt(1_000_000)).append(" = ").append(random.nextLong()).append('\n');
        }
        byte[] zip = new ZipBytes().add("big.py", text.toString()).bytes();

        assertThat(SubmissionArchive.unpack("hw.zip", zip, roomy)).singleElement()
                .satisfies(file -> assertThat(file.content()).hasSize(text.length()));
    }

    @Test
    void doesNotExpandNestedArchives() {
        byte[] inner = new ZipBytes().add("a.py", "a = 1").bytes();
        byte[] outer = new ZipBytes().add("main.py", "x = 1").add("more/inner.zip", inner).bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", outer, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("more/inner.zip is an archive inside the upload");

        UploadLimits zipsAllowed = new UploadLimits(Set.of(".py", ".zip"), MB, 5);
        assertThat(SubmissionArchive.unpack("hw.zip", outer, zipsAllowed))
                .extracting(SubmittedFile::path).containsExactly("main.py", "more/inner.zip");
    }

    @ParameterizedTest
    @CsvSource({"a.py, ./a.py", "a.py, A.py", "dir/a.py, dir//a.py"})
    void rejectsDuplicatePaths(String first, String second) {
        byte[] zip = new ZipBytes().add(first, "x = 1").add(second, "x = 2").bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void rejectsOtherFileTypesInsideAZip() {
        byte[] zip = new ZipBytes().add("main.py", "x = 1").add("data/train.csv", "a,b").bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessage("data/train.csv is not an accepted file type. Accepted file types: .ipynb, .py, or a .zip of them.");
    }

    @Test
    void namesThePythonFileInAZipThatIsNotUtf8() {
        byte[] zip = new ZipBytes().add("ok.py", "x = 1").add("hw/main.py", LATIN_1).bytes();

        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith("hw/main.py is not UTF-8 text.");
    }

    static Stream<Arguments> unreadableZips() {
        byte[] good = new ZipBytes().add("main.py", "x = 1\n".repeat(1000)).bytes();
        byte[] truncated = Arrays.copyOf(good, good.length / 3);
        return Stream.of(
                Arguments.of("not a zip at all".getBytes(StandardCharsets.UTF_8), "hw.zip is not a readable zip file."),
                Arguments.of(truncated, "hw.zip is not a readable zip file."),
                Arguments.of(new ZipBytes().bytes(), "hw.zip has no files in it."),
                Arguments.of(new ZipBytes().add("__MACOSX/._x.py", "x").add("empty/", "").bytes(), "hw.zip has no files in it."));
    }

    @ParameterizedTest
    @MethodSource("unreadableZips")
    void rejectsZipsWithNothingToGrade(byte[] zip, String message) {
        assertThatThrownBy(() -> SubmissionArchive.unpack("hw.zip", zip, LIMITS))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource({
        "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void hashesWithSha256InHex(String text, String hex) {
        assertThat(SubmissionArchive.sha256(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(hex);
    }
}
