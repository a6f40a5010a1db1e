package org.lectern.lti;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * /lti/**: the platform posts to /lti/login and /lti/launch from another site, so those two skip CSRF
 * (the state cookie and the one-time nonce protect them); the pages render inside the LMS iframe, so
 * they send no X-Frame-Options. Everything else under /lti needs the session a launch made. Sits
 * between the API chain (1) and the web UI's (10).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class LtiSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain ltiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/lti/**")
                .csrf(c -> c.ignoringRequestMatchers("/lti/login", "/lti/launch"))
                .headers(h -> h.frameOptions(f -> f.disable()))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/lti/login", "/lti/launch", "/lti/resume", "/lti/jwks", "/lti/config.json").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    res.setStatus(401);
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(Html.page("Open Lectern from your LMS",
                            "<p class=\"problem\">This page belongs to a launch from your LMS; open Lectern from the LMS again.</p>"));
                }));
        return http.build();
    }

    /**
     * With {@code server.servlet.session.cookie.secure=true} (Lectern behind https) the session cookie is
     * SameSite=None, so it survives inside the LMS's iframe; browsers refuse SameSite=None without Secure.
     */
    @Bean
    @ConditionalOnProperty(name = "server.servlet.session.cookie.secure", havingValue = "true")
    CookieSameSiteSupplier ltiFramedSessionCookie() {
        return CookieSameSiteSupplier.ofNone().whenHasName("JSESSIONID");
    }
}
