package org.lectern.notebooks;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small text helpers shared by the parser, the code extractor and the archive reader. */
final class Text {

    // CSI sequences (colours, cursor moves) and OSC sequences (terminal titles, links) as IPython tracebacks emit them.
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?)");

    private Text() {}

    /** Decodes strictly: a replacement character would silently corrupt student code. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String stripAnsi(String text) {
        return text == null ? null : ANSI.matcher(text).replaceAll("");
    }
}
