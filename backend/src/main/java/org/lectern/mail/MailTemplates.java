package org.lectern.mail;

import java.util.List;
import java.util.Locale;
import org.lectern.qa.QaActivity;

/**
 * The wording of every message, pure. Every value that came from a person (course titles, post titles, announcement
 * text) is HTML-escaped in the HTML part and kept plain in the text part. Messages name no author and carry no grade,
 * no answer text and no private content: Q&A mail says what happened on which post, and the link leads to the page,
 * where the app decides what the reader may see.
 */
public final class MailTemplates {

    private MailTemplates() {
    }

    public static Mail invitation(String to, String courseTitle, String link) {
        String subject = "You are invited to " + oneLine(courseTitle) + " on Lectern";
        String text = "You have been added to " + courseTitle + " on Lectern.\n\nSet your password here (the link works once, for 14 days):\n"
                + link + "\n\nIf you did not expect this, ignore this message.\n";
        String html = "<p>You have been added to <b>" + esc(courseTitle) + "</b> on Lectern.</p>"
                + "<p><a href=\"" + esc(link) + "\">Set your password</a> (the link works once, for 14 days).</p>"
                + "<p>If you did not expect this, ignore this message.</p>";
        return wrap(to, "invitation", subject, text, html);
    }

    public static Mail passwordReset(String to, String link, long minutes) {
        String subject = "Reset your Lectern password";
        String text = "Someone (we hope you) asked to reset the password of this account on Lectern.\n\nChoose a new password here (the link works once, for "
                + minutes + " minutes):\n" + link + "\n\nIf it was not you, ignore this message: your password stays as it is.\n";
        String html = "<p>Someone (we hope you) asked to reset the password of this account on Lectern.</p>"
                + "<p><a href=\"" + esc(link) + "\">Choose a new password</a> (the link works once, for " + minutes + " minutes).</p>"
                + "<p>If it was not you, ignore this message: your password stays as it is.</p>";
        return wrap(to, "password-reset", subject, text, html);
    }

    public static Mail gradesReleased(String to, String courseTitle, String itemName, String link) {
        String subject = oneLine(courseTitle) + ": grades for " + oneLine(itemName) + " are out";
        String text = "Staff released the grades for " + itemName + " in " + courseTitle + ".\n\nSee your result:\n" + link + "\n";
        String html = "<p>Staff released the grades for <b>" + esc(itemName) + "</b> in " + esc(courseTitle) + ".</p>"
                + "<p><a href=\"" + esc(link) + "\">See your result</a></p>";
        return wrap(to, "grades-released", subject, text, html);
    }

    /** Before a written deadline: which questions have no pages marked yet (numbers only: no answer text). */
    public static Mail writtenUnmarked(String to, String courseTitle, String itemName, java.util.List<Integer> unmarked, String due, String link) {
        String questions = String.join(", ", unmarked.stream().map(n -> "Q" + n).toList());
        String subject = oneLine(courseTitle) + ": mark your pages for " + oneLine(itemName);
        String text = "Your PDF for " + itemName + " in " + courseTitle + " has no pages marked for " + questions
                + ". Graders find your answers by these marks; mark them before the deadline, " + due + ".\n\nMark your pages:\n" + link + "\n";
        String html = "<p>Your PDF for <b>" + esc(itemName) + "</b> in " + esc(courseTitle) + " has no pages marked for <b>" + esc(questions)
                + "</b>. Graders find your answers by these marks; mark them before the deadline, " + esc(due) + ".</p>"
                + "<p><a href=\"" + esc(link) + "\">Mark your pages</a></p>";
        return wrap(to, "written-unmarked", subject, text, html);
    }

    public static Mail announcement(String to, String courseTitle, String title, String body, String link) {
        String subject = oneLine(courseTitle) + ": " + oneLine(title);
        String text = title + "\n\n" + body + "\n\n" + link + "\n";
        // The Markdown source as written, escaped: no markup from a message reaches the reader's mail program.
        String html = "<h2>" + esc(title) + "</h2><p style=\"white-space:pre-wrap\">" + esc(body) + "</p>"
                + "<p><a href=\"" + esc(link) + "\">Open the course</a></p>";
        return wrap(to, "announcement", subject, text, html);
    }

    /** One activity on a followed post, sent as it happens. */
    public static Mail qaActivity(String to, String courseTitle, String postTitle, QaActivity.Kind kind, String link) {
        String subject = oneLine(courseTitle) + ": " + what(kind) + " on \"" + oneLine(postTitle) + "\"";
        String text = capital(what(kind)) + " on \"" + postTitle + "\", a question you follow in " + courseTitle + ".\n\n" + link
                + "\n\nYou get these because you chose e-mail for Q&A you follow; change it on the Q&A page.\n";
        String html = "<p>" + esc(capital(what(kind))) + " on <a href=\"" + esc(link) + "\">" + esc(postTitle) + "</a>, a question you follow in "
                + esc(courseTitle) + ".</p><p>You get these because you chose e-mail for Q&amp;A you follow; change it on the Q&amp;A page.</p>";
        return wrap(to, "qa-activity", subject, text, html);
    }

    /** A digest line: one post's activity since the last digest. */
    public record DigestLine(String courseTitle, String postTitle, QaActivity.Kind kind, String link) {
    }

    public static Mail qaDigest(String to, List<DigestLine> lines) {
        String subject = "Lectern: " + lines.size() + (lines.size() == 1 ? " update" : " updates") + " on questions you follow";
        StringBuilder text = new StringBuilder("Today on questions you follow:\n\n");
        StringBuilder html = new StringBuilder("<p>Today on questions you follow:</p><ul>");
        for (DigestLine l : lines) {
            text.append("- ").append(l.courseTitle()).append(": ").append(what(l.kind())).append(" on \"").append(l.postTitle()).append("\"\n  ")
                    .append(l.link()).append('\n');
            html.append("<li>").append(esc(l.courseTitle())).append(": ").append(esc(what(l.kind()))).append(" on <a href=\"")
                    .append(esc(l.link())).append("\">").append(esc(l.postTitle())).append("</a></li>");
        }
        text.append("\nYou get this digest because you chose a daily e-mail for Q&A you follow; change it on the Q&A page.\n");
        html.append("</ul><p>You get this digest because you chose a daily e-mail for Q&amp;A you follow; change it on the Q&amp;A page.</p>");
        return wrap(to, "qa-digest", subject, text.toString(), html.toString());
    }

    static String what(QaActivity.Kind kind) {
        return switch (kind) {
            case ANSWER -> "a new answer";
            case COMMENT -> "a new comment";
            case ENDORSED -> "an answer endorsed by staff";
            case RESOLVED -> "marked resolved";
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Mail wrap(String to, String kind, String subject, String text, String html) {
        return new Mail(to, kind, subject, text,
                "<!doctype html><html><body style=\"font-family:sans-serif\">" + html + "</body></html>");
    }

    /** A header may not carry line breaks (header injection); long titles are cut. */
    static String oneLine(String s) {
        String flat = s == null ? "" : s.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
