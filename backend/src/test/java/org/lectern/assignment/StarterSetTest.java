package org.lectern.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.notebooks.SubmittedFile;
import org.lectern.platform.InvalidInputException;

/** The starter-set rule, table-driven: what is stored (paths), or the message that refuses the whole set. */
class StarterSetTest {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                if (!name.endsWith("/")) {
                    zip.write(text("x = 1\n"));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static StarterSet.Upload part(String name, byte[] content) {
        return new StarterSet.Upload(name, content);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("one file", List.of(part("knn.py", text("x = 1\n"))), List.of("knn.py")),
                Arguments.of("a notebook and a file", List.of(part("knn.ipynb", text("{}")), part("utils.py", text("y = 2\n"))),
                        List.of("knn.ipynb", "utils.py")),
                Arguments.of("a zip keeps its folders", List.of(part("a1.zip", zip("cs231n/", "cs231n/classifiers/k_nearest_neighbor.py",
                        "cs231n/__init__.py"))), List.of("cs231n/classifiers/k_nearest_neighbor.py", "cs231n/__init__.py")),
                Arguments.of("a browser's client path is cut to the name", List.of(part("C:\\fakepath\\knn.py", text("x = 1\n"))),
                        List.of("knn.py")),
                Arguments.of("macOS litter in a zip is left out", List.of(part("a1.zip", zip("knn.py", "__MACOSX/._knn.py", ".DS_Store"))),
                        List.of("knn.py")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void storesThesePaths(String what, List<StarterSet.Upload> uploads, List<String> paths) {
        assertThat(StarterSet.unpack(uploads)).extracting(SubmittedFile::path).containsExactlyElementsOf(paths);
    }

    static Stream<Arguments> refused() {
        byte[] latin1 = "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String[] many = new String[StarterSet.MAX_FILES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = "f" + i + ".py";
        }
        return Stream.of(
                Arguments.of("nothing sent", List.of(), "Send the starter files"),
                Arguments.of("a shell script", List.of(part("get_datasets.sh", text("curl x\n"))), "not an accepted file type"),
                Arguments.of("a shell script in a zip", List.of(part("a1.zip", zip("knn.py", "get_datasets.sh"))), "get_datasets.sh"),
                Arguments.of("a zip in a zip", List.of(part("a1.zip", zip("data.zip"))), "archive inside the upload"),
                Arguments.of("a climbing path in a zip", List.of(part("a1.zip", zip("a/../../b.py"))), "not saved"),
                Arguments.of("a space in a name", List.of(part("my knn.py", text("x = 1\n"))), "not a plain name"),
                Arguments.of("an empty file", List.of(part("knn.py", new byte[0])), "empty"),
                Arguments.of("not UTF-8", List.of(part("knn.py", latin1)), "not UTF-8"),
                Arguments.of("the same name twice", List.of(part("knn.py", text("a = 1\n")), part("KNN.py", text("b = 2\n"))), "twice"),
                Arguments.of("too many files", List.of(part("a1.zip", zip(many))), "files"),
                Arguments.of("not a zip", List.of(part("a1.zip", text("not a zip at all"))), "not a readable zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesTheWholeSet(String what, List<StarterSet.Upload> uploads, String message) {
        assertThatThrownBy(() -> StarterSet.unpack(uploads)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }
}
