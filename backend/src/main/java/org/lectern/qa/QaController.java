package org.lectern.qa;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST: course Q&A; the Q&A pages call the same service. */
@RestController
class QaController {

    record ReplyJson(String body, Boolean anonymous, Long answerId) {
    }

    record FlagJson(Boolean value) {
    }

    record EmailJson(String email) {
    }

    record CountJson(int unread) {
    }

    record ImageJson(String markdown, String url) {
    }

    private final QaService qa;

    QaController(QaService qa) {
        this.qa = qa;
    }

    @Operation(summary = "Ask a question in the course Q&A")
    @PostMapping("/api/v1/courses/{courseId}/posts")
    @ResponseStatus(HttpStatus.CREATED)
    Post ask(@PathVariable long courseId, @RequestBody PostDraft draft) {
        return qa.ask(courseId, draft);
    }

    /** {@code show}: all, unanswered, mine, following; {@code q}: words to search posts and answers for. */
    @Operation(summary = "List Q&A posts with filters and search")
    @GetMapping("/api/v1/courses/{courseId}/posts")
    List<Post> posts(@PathVariable long courseId, @RequestParam(defaultValue = "all") String show,
                     @RequestParam(required = false) Long lectureId, @RequestParam(required = false) Long itemId,
                     @RequestParam(required = false) String q) {
        PostFilter.Show s;
        try {
            s = PostFilter.Show.valueOf(show.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("show: one of all, unanswered, mine, following.");
        }
        return qa.posts(courseId, new PostFilter(s, lectureId, itemId, q));
    }

    @Operation(summary = "Search Q&A posts and answers, ranked")
    @GetMapping("/api/v1/courses/{courseId}/posts/search")
    List<Post> search(@PathVariable long courseId, @RequestParam String q) {
        return qa.posts(courseId, new PostFilter(PostFilter.Show.ALL, null, null, q));
    }

    @Operation(summary = "Followed posts with news")
    @GetMapping("/api/v1/courses/{courseId}/posts/unread")
    CountJson unread(@PathVariable long courseId) {
        return new CountJson(qa.unread(courseId));
    }

    @Operation(summary = "Median and p90 time to the first staff answer (staff)")
    @GetMapping("/api/v1/courses/{courseId}/posts/response-times")
    ResponseTimes responseTimes(@PathVariable long courseId) {
        return qa.responseTimes(courseId);
    }

    @Operation(summary = "Read the caller's Q&A e-mail choice")
    @GetMapping("/api/v1/courses/{courseId}/posts/email")
    EmailJson email(@PathVariable long courseId) {
        return new EmailJson(qa.emailDelivery(courseId).name().toLowerCase(Locale.ROOT));
    }

    @Operation(summary = "Set the caller's Q&A e-mail choice")
    @PutMapping("/api/v1/courses/{courseId}/posts/email")
    EmailJson setEmail(@PathVariable long courseId, @RequestBody EmailJson body) {
        qa.emailDelivery(courseId); // the caller's membership before anything about the body
        EmailDelivery d;
        try {
            d = EmailDelivery.valueOf(body.email() == null ? "" : body.email().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email: one of none, immediate, daily.");
        }
        qa.setEmailDelivery(courseId, d);
        return email(courseId);
    }

    @Operation(summary = "Upload an image for a Q&A post")
    @PostMapping("/api/v1/courses/{courseId}/posts/images")
    @ResponseStatus(HttpStatus.CREATED)
    ImageJson upload(@PathVariable long courseId, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file != null && file.getSize() > ImageCheck.MAX_BYTES) {
            throw new InvalidInputException("The image is larger than 2 MB.");
        }
        // The service checks the caller's membership first, then the bytes (none: "The image is empty.").
        String markdown = qa.uploadImage(courseId, file == null ? null : file.getBytes());
        return new ImageJson(markdown, "/api/v1" + markdown.substring(markdown.indexOf("/qa-images/"), markdown.length() - 1));
    }

    /** The checked type, and nosniff so a browser never reinterprets the bytes as something else. */
    @Operation(summary = "Download a Q&A image")
    @GetMapping("/api/v1/qa-images/{imageId}")
    ResponseEntity<byte[]> image(@PathVariable long imageId) {
        QaImage image = qa.image(imageId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.content());
    }

    @Operation(summary = "A Q&A thread: post, answers and comments (marks it read)")
    @GetMapping("/api/v1/posts/{postId}")
    PostThread thread(@PathVariable long postId) {
        return qa.thread(postId);
    }

    @Operation(summary = "Answer a Q&A post")
    @ApiConflict("The post is locked")
    @PostMapping("/api/v1/posts/{postId}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    Reply answer(@PathVariable long postId, @RequestBody ReplyJson body) {
        return qa.answer(postId, body.body(), Boolean.TRUE.equals(body.anonymous()));
    }

    @Operation(summary = "Comment on a Q&A post or answer")
    @ApiConflict("The post is locked")
    @PostMapping("/api/v1/posts/{postId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Reply comment(@PathVariable long postId, @RequestBody ReplyJson body) {
        return qa.comment(postId, body.answerId(), body.body(), Boolean.TRUE.equals(body.anonymous()));
    }

    @Operation(summary = "Mark a Q&A post resolved or not")
    @PostMapping("/api/v1/posts/{postId}/resolved")
    PostThread resolve(@PathVariable long postId, @RequestBody FlagJson body) {
        qa.resolve(postId, !Boolean.FALSE.equals(body.value()));
        return qa.thread(postId);
    }

    @Operation(summary = "Follow or unfollow a Q&A post")
    @PostMapping("/api/v1/posts/{postId}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void follow(@PathVariable long postId, @RequestBody FlagJson body) {
        qa.follow(postId, !Boolean.FALSE.equals(body.value()));
    }

    @Operation(summary = "Pin, lock, make public or mark a post a duplicate (staff)")
    @PostMapping("/api/v1/posts/{postId}/moderation")
    Post moderate(@PathVariable long postId, @RequestBody Moderation body) {
        return qa.moderate(postId, body);
    }

    @Operation(summary = "Endorse an answer (staff)")
    @PostMapping("/api/v1/answers/{answerId}/endorsed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endorse(@PathVariable long answerId, @RequestBody FlagJson body) {
        qa.endorse(answerId, !Boolean.FALSE.equals(body.value()));
    }
}
