package org.lectern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the real backend on the embedded PostgreSQL, served on a random port. Every test
 * uses this one configuration so Spring caches a single context (and a single database) per JVM. The SMTP server and
 * the OpenID Connect provider it talks to run on ports chosen when the context starts ({@link TestServers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestServers.class)
@SpringBootTest(classes = LecternTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface BackendTest {
}
