package org.lectern.identity;

import org.lectern.platform.LecternProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first site admin from LECTERN_ADMIN_EMAIL and LECTERN_ADMIN_PASSWORD, once. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final LecternProperties props;

    AdminBootstrap(AccountService accounts, LecternProperties props) {
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = props.admin();
        if (admin.configured()) {
            if (accounts.byEmail(admin.email()).isEmpty()) {
                accounts.createWithPassword(admin.email(), "Site admin", SiteRole.ADMIN, admin.password());
                log.info("Created site admin {}", admin.email());
            }
        } else if (!props.demo().enabled() && !accounts.anyAdmin()) {
            log.warn("No site admin exists. Set LECTERN_ADMIN_EMAIL and LECTERN_ADMIN_PASSWORD to create one.");
        }
    }
}
