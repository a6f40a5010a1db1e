package org.lectern.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip files in memory for tests, including ones no honest zip tool would make. */
final class ZipBytes {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);

    ZipBytes add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ZipBytes add(String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry of {@code size} zero bytes, written in pieces so the test never holds it all. */
    ZipBytes addZeros(String name, long size) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            byte[] chunk = new byte[1 << 20];
            for (long left = size; left > 0; left -= chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            zip.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites a little-endian int field in the central directory record of entry {@code index}. */
    static byte[] patchCentralDirectory(byte[] zip, int index, int fieldOffset, int value) {
        byte[] patched = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(centralRecord(buffer, index) + fieldOffset, value);
        return patched;
    }

    /** Marks entry {@code index} as a Unix symbolic link (made by host 3, mode 0120777), as Info-ZIP records one. */
    static byte[] markAsSymlink(byte[] zip, int index) {
        byte[] patched = patchCentralDirectory(zip, index, 38, 0120777 << 16);
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(centralRecord(buffer, index) + 4, (short) ((3 << 8) | 20));
        return patched;
    }

    private static int centralRecord(ByteBuffer zip, int index) {
        int found = -1;
        for (int at = 0; at + 4 <= zip.capacity(); at++) {
            if (zip.getInt(at) == 0x02014b50 && ++found == index) {
                return at;
            }
        }
        throw new IllegalArgumentException("no central directory record " + index);
    }
}
