package org.lectern.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageCheckTest {

    static byte[] bytes(int... b) {
        byte[] out = new byte[16];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), Optional.of("image/png")),
                Arguments.of("jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0), Optional.of("image/jpeg")),
                Arguments.of("gif89a", text("GIF89a\0\0\0\0\0\0\0"), Optional.of("image/gif")),
                Arguments.of("webp", text("RIFF\0\0\0\0WEBPVP8 "), Optional.of("image/webp")),
                Arguments.of("riff but wav", text("RIFF\0\0\0\0WAVEfmt "), Optional.empty()),
                Arguments.of("svg with script", text("<svg xmlns='http://www.w3.org/2000/svg'><script/>"), Optional.empty()),
                Arguments.of("html named .png", text("<html><script>alert(1)</script>"), Optional.empty()),
                Arguments.of("png magic cut short", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0B), Optional.empty()),
                Arguments.of("too short to tell", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Optional.empty()),
                Arguments.of("empty", new byte[0], Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void typeByMagicBytes(String what, byte[] content, Optional<String> expected) {
        assertThat(ImageCheck.contentType(content)).isEqualTo(expected);
    }
}
