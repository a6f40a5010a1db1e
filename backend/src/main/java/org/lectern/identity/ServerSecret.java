package org.lectern.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lectern.platform.LecternProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The server's own secret, for values students must not be able to compute (their exercise
 * numbers): LECTERN_SECRET when set (every app replica of one install must share it), otherwise a
 * random one generated once into {@code <data folder>/secret}, readable by its owner only.
 */
@Component
public class ServerSecret {

    static final String FILE_NAME = "secret";
    private static final int MIN_LENGTH = 16;

    private final byte[] key;

    @Autowired
    ServerSecret(LecternProperties props) {
        this(load(props.secret(), props.dataDir().resolve(FILE_NAME)));
    }

    private ServerSecret(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A fixed secret (tests, tools); production reads LECTERN_SECRET or the data folder. */
    public static ServerSecret of(String secret) {
        return new ServerSecret(check(secret, "the secret"));
    }

    /** HMAC-SHA256 of the message under the secret, its first 8 bytes as a long. */
    public long mac64(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] d = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            return v;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String load(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return check(configured.strip(), "LECTERN_SECRET");
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    // Created with owner-only permissions from the start: no moment where others may read it.
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Secrets.newToken("") + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // Another process of this install made it first: read theirs.
                }
            }
            return check(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the server secret " + file
                    + " (or set LECTERN_SECRET): " + e.getMessage(), e);
        }
    }

    private static String check(String secret, String where) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(where + " must hold at least " + MIN_LENGTH + " characters.");
        }
        return secret;
    }
}
