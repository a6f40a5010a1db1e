package org.lectern.extensionrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What an extension request's document may be: told by its bytes, never by its name. */
class EvidenceTest {

    static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
    static final byte[] HTML = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("note.pdf", PDF, null),
                Arguments.of("scan 1.png", PNG, null),
                Arguments.of("photo_of-note.jpg", JPEG, null),
                Arguments.of("note.png", PDF, null), // the bytes decide; served as what they are
                Arguments.of("note.pdf", HTML, "is none of these"),
                Arguments.of("note.svg", SVG, "is none of these"),
                Arguments.of("note.pdf", new byte[0], "empty"),
                Arguments.of("note.pdf", null, "empty"),
                Arguments.of("../../etc/passwd.pdf", PDF, "file name"),
                Arguments.of("<b>x</b>.pdf", PDF, "file name"),
                Arguments.of(" ", PDF, "file name"),
                Arguments.of("a".repeat(201) + ".pdf", PDF, "file name"),
                Arguments.of("big.pdf", big(), "at most 5 MB"));
    }

    static byte[] big() {
        byte[] b = new byte[Evidence.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, b, 0, PDF.length);
        return b;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void documentsAreJudgedByTheirBytes(String name, byte[] content, String problem) {
        Optional<String> found = Evidence.problem(name, content);
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void kindsByMagicBytes(byte[] content, Evidence.Kind kind) {
        assertThat(Evidence.kindOf(content)).isEqualTo(Optional.ofNullable(kind));
    }

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(PDF, Evidence.Kind.PDF), Arguments.of(PNG, Evidence.Kind.PNG), Arguments.of(JPEG, Evidence.Kind.JPEG),
                Arguments.of(HTML, null), Arguments.of(new byte[] {(byte) 0x89, 'P'}, null), Arguments.of(null, null));
    }
}
