package org.lectern.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every upload field of the UI: at most {@code maxFiles} files of at most {@code maxBytes} each, told to the browser
 * (which refuses bigger files before sending) AND enforced on the server, because anyone can post to an upload's
 * URL without the browser's check. Vaadin's built-in in-memory handler has no limit: a multipart request is held to
 * the handler's request, file and count limits by Vaadin, and the body is read here at most one byte past the limit
 * either way (multipart or a raw XHR body), so an oversized file is rejected without being held in memory.
 */
public final class Uploads {

    /** The servlet's multipart cap ({@code spring.servlet.multipart.max-file-size}); no upload can be larger. */
    public static final long MAX_REQUEST_BYTES = 60L * 1024 * 1024;

    private Uploads() {
    }

    public static Upload inMemory(long maxBytes, int maxFiles, InMemoryUploadCallback callback) {
        Upload upload = new Upload(handler(maxBytes, maxFiles, callback));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setMaxFiles(maxFiles);
        return upload;
    }

    static UploadHandler handler(long maxBytes, int maxFiles, InMemoryUploadCallback callback) {
        return new Limited(maxBytes, maxFiles, callback);
    }

    static String tooLarge(long maxBytes) {
        return "The file is larger than " + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB") + ".";
    }

    /** Reads at most limit bytes; null when the stream has more. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private record Limited(long maxBytes, int maxFiles, InMemoryUploadCallback callback) implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes = event.getFileSize() > maxBytes ? null : readAtMost(event.getInputStream(), maxBytes);
            if (bytes == null) {
                event.reject(tooLarge(maxBytes));
                return;
            }
            callback.complete(new UploadMetadata(event.getFileName(), event.getContentType(), bytes.length), bytes);
        }

        @Override
        public long getRequestSizeMax() {
            return maxBytes * maxFiles + 64 * 1024; // the multipart framing around the files
        }

        @Override
        public long getFileSizeMax() {
            return maxBytes;
        }

        @Override
        public long getFileCountMax() {
            return maxFiles;
        }
    }
}
