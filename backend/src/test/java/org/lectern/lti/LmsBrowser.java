package org.lectern.lti;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** A browser without JavaScript for the launch tests: keeps cookies, follows nothing by itself, submits forms. */
final class LmsBrowser {

    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String lectern;

    LmsBrowser(String lectern) {
        this.lectern = lectern;
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(absolute(url))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> PlatformSimulator.enc(e.getKey()) + "=" + PlatformSimulator.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String absolute(String url) {
        return url.startsWith("http") ? url : lectern + url;
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode() + " " + r.body()));
    }

    /** The hidden inputs of the first form on a page, and its action under the key "@action". */
    static Map<String, String> form(String html, String formId) {
        int at = formId == null ? html.indexOf("<form") : html.lastIndexOf("<form", html.indexOf("id=\"" + formId + "\""));
        String f = html.substring(at, html.indexOf("</form>", at));
        Map<String, String> m = new LinkedHashMap<>();
        Matcher a = Pattern.compile("action=\"([^\"]*)\"").matcher(f);
        if (a.find()) {
            m.put("@action", HtmlUtils.htmlUnescape(a.group(1)));
        }
        Matcher i = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(f);
        while (i.find()) {
            m.put(HtmlUtils.htmlUnescape(i.group(1)), HtmlUtils.htmlUnescape(i.group(2)));
        }
        return m;
    }

    void forgetCookie(String name) {
        var store = cookies.getCookieStore();
        for (URI u : new java.util.ArrayList<>(store.getURIs())) {
            for (HttpCookie c : new java.util.ArrayList<>(store.get(u))) {
                if (c.getName().equals(name)) {
                    store.remove(u, c);
                }
            }
        }
        for (HttpCookie c : new java.util.ArrayList<>(store.getCookies())) {
            if (c.getName().equals(name)) {
                store.remove(null, c);
            }
        }
    }

    /**
     * The whole launch as a browser in the LMS frame makes it: /lti/login → the platform's auth page →
     * its form POSTed to /lti/launch. Returns the launch's answer.
     */
    HttpResponse<String> launch(PlatformSimulator lms, boolean keepStateCookie) throws Exception {
        HttpResponse<String> login = get("/lti/login?" + lms.loginQuery(lms.next.sub));
        if (login.statusCode() != 302) {
            return login;
        }
        HttpResponse<String> auth = get(location(login));
        if (auth.statusCode() != 200) {
            throw new AssertionError("platform auth refused: " + auth.body());
        }
        if (!keepStateCookie) {
            forgetCookie(LtiController.STATE_COOKIE);
        }
        Map<String, String> f = form(auth.body(), null);
        String action = f.remove("@action");
        return post(action, f);
    }

    /** Launch, then follow the hand-off as far as Lectern redirects; the final path (or the refusal's answer). */
    HttpResponse<String> launchAndLand(PlatformSimulator lms) throws Exception {
        HttpResponse<String> r = launch(lms, true);
        while (r.statusCode() == 302 || r.statusCode() == 303) {
            String to = location(r);
            if (!to.startsWith("/lti/") || !"GET".equals(r.request().method()) && !to.startsWith("/lti/resume")) {
                return r;
            }
            r = get(to);
        }
        return r;
    }
}
