package org.lectern.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The backend has no browser chain (the UI's lives in frontend and calls {@link UniversitySignIn#configure} the same
 * way): this one covers only the sign-in paths and a page that says who the session belongs to. Only with a web layer:
 * the benchmarks start the backend without one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OidcTestChain {

    static final String WHOAMI = "/oidc-test/whoami";

    @Bean
    @Order(50)
    SecurityFilterChain universitySignInTestChain(HttpSecurity http, UniversitySignIn signIn) throws Exception {
        http.securityMatcher("/oauth2/**", "/login/oauth2/**", "/oidc-test/**");
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        signIn.configure(http, "/login");
        return http.build();
    }

    @RestController
    static class WhoAmI {
        @GetMapping(WHOAMI)
        String who() {
            return CurrentUser.find().map(Caller::email).orElse("anonymous");
        }
    }
}
