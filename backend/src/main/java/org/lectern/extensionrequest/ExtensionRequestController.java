package org.lectern.extensionrequest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: extension requests. */
@RestController
class ExtensionRequestController {

    record DecisionJson(Boolean approve, String note) {
    }

    private final ExtensionRequestService service;

    ExtensionRequestController(ExtensionRequestService service) {
        this.service = service;
    }

    @Operation(summary = "Ask for an extension on an item, with days and a reason (students)")
    @PostMapping("/api/v1/courses/{courseId}/extension-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ExtensionRequest request(@PathVariable long courseId, @RequestBody ExtensionRequestService.Draft body) {
        return service.request(courseId, body);
    }

    @Operation(summary = "Extension requests: the caller's own (students) or all (staff)")
    @GetMapping("/api/v1/courses/{courseId}/extension-requests")
    List<ExtensionRequest> requests(@PathVariable long courseId) {
        return service.requests(courseId);
    }

    /** Always an attachment of the type its bytes are, never shown inline, so a browser never renders it as a page of ours. */
    @Operation(summary = "The document attached to an extension request (the student who asked, staff)")
    @GetMapping("/api/v1/extension-requests/{extensionRequestId}/document")
    ResponseEntity<byte[]> document(@PathVariable long extensionRequestId) {
        var d = service.document(extensionRequestId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.kind().contentType)).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.attachment().filename(d.name()).build().toString())
                .cacheControl(CacheControl.noStore()).body(d.content());
    }

    @Operation(summary = "Approve or deny an extension request; an approval becomes an extension (staff)")
    @PostMapping("/api/v1/extension-requests/{extensionRequestId}/decision")
    ExtensionRequest decide(@PathVariable long extensionRequestId, @RequestBody DecisionJson body) {
        return service.decide(extensionRequestId, body.approve(), body.note());
    }
}
