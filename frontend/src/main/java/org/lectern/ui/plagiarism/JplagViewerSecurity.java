package org.lectern.ui.plagiarism;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * JPlag's report viewer and the reports it loads (JplagViewer), which Vaadin's chain would refuse (it admits views and
 * its own resources): signed-in people only, by the session's sign-in; the report then admits the course's staff only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class JplagViewerSecurity {

    @Bean
    @Order(6)
    SecurityFilterChain jplagViewerChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/jplag-viewer", "/jplag-viewer/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // platform.web.SecurityHeaders writes these for every response
                .headers(h -> h.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable()))
                .csrf(c -> c.disable()); // GET only: nothing here changes state
        return http.build();
    }
}
