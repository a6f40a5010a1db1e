package org.lectern.notebooks;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds zip entries that are Unix symbolic links. java.util.zip does not expose the file mode, which
 * only the central directory records, so this reads that directory directly. Best effort: a zip it
 * cannot follow (zip64, prepended data) yields no names, and ZipInputStream still reads the entries
 * as plain files, which is safe because nothing is ever written to disk through them.
 */
final class ZipSymlinks {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int ENTRY_HEADER_SIZE = 46;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE_MASK = 0xF000;
    private static final int SYMLINK_TYPE = 0xA000;

    private ZipSymlinks() {}

    static Set<String> find(byte[] zip) {
        int end = endOfDirectory(zip);
        if (end < 0) {
            return Set.of();
        }
        int count = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        Set<String> links = new HashSet<>();
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count && at >= 0 && at + ENTRY_HEADER_SIZE <= zip.length && (int) u32(zip, at) == DIRECTORY_ENTRY; i++) {
            int nameLength = u16(zip, at + 28);
            int next = at + ENTRY_HEADER_SIZE + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (at + ENTRY_HEADER_SIZE + nameLength > zip.length) {
                break;
            }
            int host = u16(zip, at + 4) >>> 8;
            int mode = (int) (u32(zip, at + 38) >>> 16);
            if (host == UNIX_HOST && (mode & FILE_TYPE_MASK) == SYMLINK_TYPE) {
                links.add(new String(zip, at + ENTRY_HEADER_SIZE, nameLength, StandardCharsets.UTF_8));
            }
            at = next;
        }
        return links;
    }

    private static int endOfDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_RECORD_SIZE - 0xFFFF); // the record may be followed by a comment
        for (int at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
            if ((int) u32(zip, at) == END_OF_DIRECTORY) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] bytes, int at) {
        return u16(bytes, at) | (long) u16(bytes, at + 2) << 16;
    }
}
