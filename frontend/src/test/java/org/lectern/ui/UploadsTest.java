package org.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server side of every upload field: the browser's maxFileSize is only advice (anyone can post to the
 * upload's URL), so the handler itself refuses a file over the limit, having read at most one buffer past it,
 * and tells Vaadin its request, file and count limits for multipart requests.
 */
class UploadsTest {

    /** A raw XHR upload of the given size whose stream would go on for as long as it is read. */
    static UploadEvent xhr(long declared, InputStream body) throws Exception {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(body);
        return new UploadEvent(request, null, null, "roster.csv", declared, "text/csv", null, null);
    }

    @Test
    void aFileOverTheLimitIsRejectedOnTheServerWhateverItDeclares() throws Exception {
        List<byte[]> received = new ArrayList<>();
        var handler = Uploads.handler(1024, 1, (meta, bytes) -> received.add(bytes));

        UploadEvent declaredBig = xhr(5_000_000, new ByteArrayInputStream(new byte[5_000_000]));
        handler.handleUploadRequest(declaredBig);
        assertThat(declaredBig.isRejected()).isTrue();
        assertThat(declaredBig.getRejectionMessage()).isEqualTo("The file is larger than 1 KB.");

        // A body that lies about its size (-1: unknown) is counted while read.
        UploadEvent lying = xhr(-1, new ByteArrayInputStream(new byte[5_000_000]));
        handler.handleUploadRequest(lying);
        assertThat(lying.isRejected()).isTrue();
        assertThat(received).isEmpty();

        UploadEvent fine = xhr(-1, new ByteArrayInputStream("name,email\n".getBytes()));
        handler.handleUploadRequest(fine);
        assertThat(fine.isRejected()).isFalse();
        assertThat(received).singleElement().extracting(b -> new String(b)).isEqualTo("name,email\n");
    }

    @Test
    void vaadinIsToldTheLimitsForMultipartRequests() {
        var handler = Uploads.handler(2 * 1024 * 1024, 3, (meta, bytes) -> { });
        assertThat(handler.getFileSizeMax()).isEqualTo(2 * 1024 * 1024);
        assertThat(handler.getFileCountMax()).isEqualTo(3);
        assertThat(handler.getRequestSizeMax()).isBetween(6L * 1024 * 1024, 7L * 1024 * 1024);
        var upload = Uploads.inMemory(2 * 1024 * 1024, 3, (meta, bytes) -> { });
        assertThat(upload.getMaxFileSize()).isEqualTo(2 * 1024 * 1024);
        assertThat(upload.getMaxFiles()).isEqualTo(3);
    }
}
