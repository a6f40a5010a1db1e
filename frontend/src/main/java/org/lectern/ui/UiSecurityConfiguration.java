package org.lectern.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.lectern.identity.SignInLockedException;
import org.lectern.identity.UniversitySignIn;
import org.lectern.ui.identity.LoginView;
import org.lectern.ui.errors.UiErrorPages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import java.util.Map;

/** The browser UI's security: Vaadin's configurer with our login view (passwords, and the university's OpenID Connect when configured); the API has its own chain first. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class UiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http, UiErrorPages errors, UniversitySignIn universitySignIn) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles.css", "/icons/**", "/images/**", "/webjars/katex/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class));
        // platform.web.SecurityHeaders writes these for every response, with the configurable frame ancestors (LTI)
        http.headers(h -> h.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable()));
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(SignInLockedException.class.getName(), "/login?locked"));
        http.formLogin(f -> f.failureHandler(failure));
        // a signed-in browser refused here sees the framed error page, not an empty 403
        http.exceptionHandling(e -> e.accessDeniedHandler(errors));
        // OpenID Connect sign-in through the university, when LECTERN_OIDC_* configure it; the same login page.
        universitySignIn.configure(http, "/login");
        return http.build();
    }
}
