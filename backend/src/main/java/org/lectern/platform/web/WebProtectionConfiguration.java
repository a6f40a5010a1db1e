package org.lectern.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Protections for every HTTP response and request, ahead of both security chains (so 401s, errors and static
 * files get them too): the security headers, and the cap on API bodies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(WebSettings.class)
public class WebProtectionConfiguration {

    @Bean
    FrameAncestors frameAncestors(WebSettings settings) {
        return new FrameAncestors(settings.frameAncestors());
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(FrameAncestors frameAncestors) {
        var bean = new FilterRegistrationBean<>(new SecurityHeadersFilter(frameAncestors));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimit(WebSettings settings) {
        var bean = new FilterRegistrationBean<>(new ApiBodyLimitFilter(settings.maxApiBody().toBytes()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }
}
