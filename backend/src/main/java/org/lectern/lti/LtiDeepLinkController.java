package org.lectern.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The item picker shown inside the LMS for a deep-linking request, and the auto-posted answer. */
@RestController
class LtiDeepLinkController {

    private final LtiDeepLinking deepLinking;

    LtiDeepLinkController(LtiDeepLinking deepLinking) {
        this.deepLinking = deepLinking;
    }

    @GetMapping("/lti/deep-link/{id}")
    ResponseEntity<String> page(@PathVariable String id, HttpServletRequest request) {
        var r = deepLinking.open(id);
        StringBuilder b = new StringBuilder("<p>Choose the Lectern items to add to the LMS course. Graded items get a gradebook column "
                + "that Lectern fills when grades are released.</p><form method=\"post\" action=\"/lti/deep-link/")
                .append(Html.esc(id)).append("\" id=\"pick\">").append(LtiLinkController.csrf(request));
        if (r.choices().isEmpty()) {
            b.append("<p>This course has no items yet.</p>");
        }
        b.append("<ul>");
        for (var c : r.choices()) {
            b.append("<li><label><input type=\"checkbox\" name=\"item\" value=\"").append(c.itemId()).append("\" id=\"item-")
                    .append(c.itemId()).append("\"> ").append(Html.esc(c.kind() + " " + c.shortName() + ": " + c.title()))
                    .append(c.dueAt() == null ? "" : " (due " + c.dueAt() + ")").append(c.graded() ? " · graded" : "")
                    .append("</label></li>");
        }
        b.append("</ul><button type=\"submit\" id=\"add\">Add to the LMS</button></form>");
        return LtiController.html(HttpStatus.OK, Html.page("Add Lectern items", b.toString()));
    }

    @PostMapping("/lti/deep-link/{id}")
    ResponseEntity<String> choose(@PathVariable String id, @RequestParam(name = "item", required = false) List<Long> items,
                                  HttpServletRequest request) {
        Set<Long> chosen = items == null ? Set.of() : new HashSet<>(items);
        var response = deepLinking.respond(id, chosen, LtiController.base(request) + "/lti/launch");
        return LtiController.html(HttpStatus.OK, Html.autoPost(response.returnUrl(), Map.of("JWT", response.jwt())));
    }

    @ExceptionHandler({LaunchRefused.class, ForbiddenException.class, NotFoundException.class})
    ResponseEntity<String> refused(RuntimeException e) {
        return LtiController.refused(e.getMessage());
    }
}
