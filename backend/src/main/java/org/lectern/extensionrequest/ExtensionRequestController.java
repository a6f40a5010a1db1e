package org.lectern.extensionrequest;

import java.util.List;
import org.springframework.http.HttpStatus;
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

    @PostMapping("/api/v1/courses/{courseId}/extension-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ExtensionRequest request(@PathVariable long courseId, @RequestBody ExtensionRequestService.Draft body) {
        return service.request(courseId, body);
    }

    @GetMapping("/api/v1/courses/{courseId}/extension-requests")
    List<ExtensionRequest> requests(@PathVariable long courseId) {
        return service.requests(courseId);
    }

    @PostMapping("/api/v1/extension-requests/{extensionRequestId}/decision")
    ExtensionRequest decide(@PathVariable long extensionRequestId, @RequestBody DecisionJson body) {
        return service.decide(extensionRequestId, body.approve(), body.note());
    }
}
