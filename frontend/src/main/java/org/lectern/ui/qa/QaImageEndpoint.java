package org.lectern.ui.qa;

import org.lectern.qa.QaImage;
import org.lectern.qa.QaService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Images in Q&A posts for the app's pages (the signed-in session, not a bearer token). The service lets members of the
 * image's course only; the type is the one checked from the bytes at upload, and nosniff keeps browsers to it.
 */
@RestController
class QaImageEndpoint {

    private final QaService qa;

    QaImageEndpoint(QaService qa) {
        this.qa = qa;
    }

    @GetMapping("/qa-images/{imageId:[0-9]{1,18}}")
    ResponseEntity<byte[]> image(@PathVariable long imageId) {
        QaImage image = qa.image(imageId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.content());
    }
}
