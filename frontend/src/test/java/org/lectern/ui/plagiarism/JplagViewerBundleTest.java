package org.lectern.ui.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JPlag report viewer Lectern serves is the one of the JPlag release that writes our reports: a viewer of another
 * release refuses or misreads them. When jplag.version changes, rebuild it with frontend/jplag-viewer/build.sh.
 */
class JplagViewerBundleTest {

    @Test
    void theViewerIsTheReleaseOfTheJplagThatWritesTheReports() throws Exception {
        Properties jplag = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("de/jplag/version.properties")) {
            jplag.load(in);
        }
        String index = resource("jplag-viewer/index.html");
        Matcher script = Pattern.compile("src=\"/jplag-viewer/assets/([A-Za-z0-9_-]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("the viewer's script, served under /jplag-viewer/").isTrue();
        String bundle = resource("jplag-viewer/assets/" + script.group(1));
        // The bundle carries JPlag's report-viewer/src/version.json as {report_viewer_version: x} with x={major:..}.
        Matcher version = Pattern.compile("report_viewer_version:([\\w$]+)").matcher(bundle);
        assertThat(version.find()).isTrue();
        Matcher numbers = Pattern.compile(Pattern.quote(version.group(1)) + "=\\{major:(\\d+),minor:(\\d+),patch:(\\d+)}").matcher(bundle);
        assertThat(numbers.find()).isTrue();
        assertThat(numbers.group(1) + "." + numbers.group(2) + "." + numbers.group(3)).isEqualTo(jplag.getProperty("version"));
        assertThat(resource("jplag-viewer/LICENSE")).contains("GNU GENERAL PUBLIC LICENSE").contains("Version 3");
    }

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
