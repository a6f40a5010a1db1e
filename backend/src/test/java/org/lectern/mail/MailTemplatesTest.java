package org.lectern.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.qa.QaActivity;

class MailTemplatesTest {

    @Test
    void everyValueFromAPersonIsEscapedInHtmlAndKeptPlainInText() {
        Mail m = MailTemplates.announcement("a@uni.edu", "CSE <493G1>", "Quiz \"2\" & more", "<img src=x onerror=alert(1)>", "http://l/courses/1");
        assertThat(m.html()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img")
                .contains("Quiz &quot;2&quot; &amp; more");
        assertThat(MailTemplates.gradesReleased("a@uni.edu", "CSE <493G1>", "A1", "http://l/a").html()).contains("CSE &lt;493G1&gt;");
        assertThat(m.text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void subjectsCarryNoLineBreaks() {
        Mail m = MailTemplates.qaActivity("a@uni.edu", "C", "Title\r\nBcc: victim@x", QaActivity.Kind.ANSWER, "http://l/q");
        assertThat(m.subject()).doesNotContain("\r").doesNotContain("\n").contains("Title Bcc: victim@x");
    }

    @Test
    void aDigestHasOneLinePerPost() {
        Mail m = MailTemplates.qaDigest("a@uni.edu", List.of(
                new MailTemplates.DigestLine("C", "P1", QaActivity.Kind.ANSWER, "http://l/1"),
                new MailTemplates.DigestLine("C", "P2", QaActivity.Kind.RESOLVED, "http://l/2")));
        assertThat(m.subject()).contains("2 updates");
        assertThat(m.text()).contains("a new answer on \"P1\"").contains("marked resolved on \"P2\"");
    }
}
