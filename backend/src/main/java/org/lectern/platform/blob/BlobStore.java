package org.lectern.platform.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content-addressed storage of uploaded files in PostgreSQL. Writing joins the caller's transaction,
 * so a file and the row that refers to it are stored together or not at all, before the upload is
 * acknowledged. Identical content is stored once.
 */
@Component
public class BlobStore {

    private final JdbcClient jdbc;

    BlobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String put(byte[] content) {
        String sha = sha256(content);
        jdbc.sql("insert into blob (sha256, size_bytes, content) values (?, ?, ?) on conflict (sha256) do nothing")
                .params(sha, content.length, content).update();
        return sha;
    }

    public Optional<byte[]> get(String sha256) {
        return jdbc.sql("select content from blob where sha256 = ?").param(sha256).query(byte[].class).optional();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
