package org.lectern.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password hashing (Spring Security's delegating encoder, bcrypt today) and the one sign-in path. */
@Configuration(proxyBeanMethods = false)
public class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Every password sign-in, form or API, goes through {@link AccountService#authenticate}, and so through the throttle. */
    @Bean
    AuthenticationProvider lecternAuthenticationProvider(AccountService accounts) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String email = authentication.getName();
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                // The servlet's remote address (the proxy's X-Forwarded-For only when server.forward-headers-strategy is set).
                String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                Account account = accounts.authenticate(email, password, address);
                return CurrentUser.authentication(LecternPrincipal.of(account));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider lecternAuthenticationProvider) {
        return new ProviderManager(lecternAuthenticationProvider);
    }
}
