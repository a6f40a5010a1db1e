package org.lectern.e2e;

/** The shared headless Chromium ({@link org.lectern.testing.Browser}) on the app these tests started. */
public class Browser extends org.lectern.testing.Browser {

    public Browser() throws Exception {
        this("1280,900");
    }

    private Browser(String windowSize) throws Exception {
        super(LecternServer::baseUrl, windowSize);
    }

    /** A phone-sized window, for the pages students open in lecture. */
    public static Browser phone() throws Exception {
        return new Browser("390,844");
    }

    /** A window of the given size in CSS pixels. */
    public static Browser sized(int width, int height) throws Exception {
        return new Browser(width + "," + height);
    }
}
