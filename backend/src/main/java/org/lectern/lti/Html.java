package org.lectern.lti;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** The few plain pages LTI shows inside the LMS frame (before and around sign-in), escaped. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s · Lectern</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
                .problem{border-left:4px solid #c62828;padding:.5rem 1rem;background:#fdecea}
                button,.button{font:inherit;padding:.4rem 1rem;margin:.25rem 0}</style></head>
                <body><h1>%s</h1>%s</body></html>""".formatted(esc(title), esc(title), body);
    }

    /** A form that posts itself as soon as it loads (the OIDC form_post and deep-linking return). */
    static String autoPost(String action, Map<String, String> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((k, v) -> inputs.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"")
                .append(esc(v)).append("\">"));
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Returning to the LMS</title></head>
                <body onload="document.forms[0].submit()"><form method="post" action="%s">%s
                <noscript><button type="submit">Continue</button></noscript></form></body></html>""".formatted(esc(action), inputs);
    }
}
