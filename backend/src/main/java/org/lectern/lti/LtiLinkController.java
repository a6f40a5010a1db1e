package org.lectern.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.lectern.course.CourseDraft;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An instructor's first launch from an LMS course Lectern does not know: connect it to a Lectern course
 * they teach, or create one. The page is plain HTML because it shows inside the LMS frame right after
 * the launch.
 */
@RestController
class LtiLinkController {

    private final LtiLaunchService launches;

    LtiLinkController(LtiLaunchService launches) {
        this.launches = launches;
    }

    @GetMapping("/lti/link")
    ResponseEntity<String> page(@RequestParam long platform, @RequestParam String context, HttpServletRequest request) {
        var u = launches.unlinked(platform, context);
        String csrf = csrf(request);
        StringBuilder b = new StringBuilder();
        b.append("<p>The LMS course <strong>").append(Html.esc(u.title())).append("</strong> (").append(Html.esc(u.label()))
                .append(") is not connected to Lectern yet. Connect it to one of your courses, or make a new one.</p>");
        b.append("<form method=\"post\" action=\"/lti/link\" id=\"link-existing\">").append(csrf).append(hidden(u));
        if (u.teachable().isEmpty()) {
            b.append("<p>You teach no Lectern course yet.</p>");
        } else {
            b.append("<label>Your course <select name=\"courseId\" id=\"course\">");
            u.teachable().forEach(c -> b.append("<option value=\"").append(c.id()).append("\">").append(Html.esc(c.code() + " " + c.title()
                    + " (" + c.term() + ")")).append("</option>"));
            b.append("</select></label> <button type=\"submit\" id=\"connect\">Connect</button>");
        }
        b.append("</form><h2>Or a new course</h2><form method=\"post\" action=\"/lti/link\" id=\"link-new\">").append(csrf).append(hidden(u))
                .append("<p><label>Code <input name=\"code\" value=\"").append(Html.esc(u.label())).append("\"></label></p>")
                .append("<p><label>Title <input name=\"title\" value=\"").append(Html.esc(u.title())).append("\"></label></p>")
                .append("<p><label>Term <input name=\"term\"></label></p>")
                .append("<p><label>Time zone <input name=\"timeZone\" value=\"UTC\"></label></p>")
                .append("<button type=\"submit\" id=\"create\">Create and connect</button></form>");
        return LtiController.html(HttpStatus.OK, Html.page("Connect this LMS course", b.toString()));
    }

    @PostMapping("/lti/link")
    ResponseEntity<String> link(@RequestParam long platform, @RequestParam String context, @RequestParam(required = false) Long courseId,
                                @RequestParam(required = false) String code, @RequestParam(required = false) String title,
                                @RequestParam(required = false) String term, @RequestParam(required = false) String timeZone) {
        long id = launches.link(platform, context, courseId, courseId == null ? new CourseDraft(code, title, term, timeZone) : null);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/courses/" + id)).build();
    }

    private static String hidden(LtiLaunchService.Unlinked u) {
        return "<input type=\"hidden\" name=\"platform\" value=\"" + u.platformId() + "\"><input type=\"hidden\" name=\"context\" value=\""
                + Html.esc(u.contextId()) + "\">";
    }

    static String csrf(HttpServletRequest request) {
        CsrfToken t = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return t == null ? "" : "<input type=\"hidden\" name=\"" + Html.esc(t.getParameterName()) + "\" value=\"" + Html.esc(t.getToken()) + "\">";
    }

    @ExceptionHandler({LaunchRefused.class, InvalidInputException.class, ForbiddenException.class, NotFoundException.class})
    ResponseEntity<String> refused(RuntimeException e) {
        return LtiController.refused(e.getMessage());
    }
}
