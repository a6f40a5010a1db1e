package org.lectern.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.lectern.identity.SignInLockedException;
import org.lectern.ui.identity.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import java.util.Map;

/** The browser UI's security: Vaadin's configurer with our login view; the API has its own chain first. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class UiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles.css", "/icons/**", "/images/**", "/webjars/katex/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class));
        // platform.web.SecurityHeaders writes these for every response, with the configurable frame ancestors (LTI)
        http.headers(h -> h.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable()));
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(SignInLockedException.class.getName(), "/login?locked"));
        http.formLogin(f -> f.failureHandler(failure));
        return http.build();
    }
}
