package org.lectern;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The backend's Spring context for tests (the runnable app, with the views, lives in frontend). */
@SpringBootApplication
public class LecternTestApplication {
}
