package org.lectern.ui.qa;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The two non-view paths the Q&A pages load, which Vaadin's chain would refuse (it admits views and its own resources):
 * post images for signed-in people (the service then admits members of the image's course only), and the
 * highlight.js files, a public library. The session's sign-in is read as on every page; nothing else is matched here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class QaResourceSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain qaResources(HttpSecurity http) throws Exception {
        http.securityMatcher("/qa-images/**", "/webjars/highlightjs/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/webjars/highlightjs/**").permitAll().anyRequest().authenticated())
                .csrf(c -> c.disable()); // GET only: nothing here changes state
        return http.build();
    }
}
