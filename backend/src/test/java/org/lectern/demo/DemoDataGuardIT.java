package org.lectern.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.identity.AccountService;
import org.lectern.identity.SiteRole;
import org.lectern.platform.LecternProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real install refuses data that holds the demo's accounts, whose password is public. */
@BackendTest
class DemoDataGuardIT {

    @Autowired AccountService accounts;
    @Autowired LecternProperties props;
    @Autowired JdbcClient jdbc;

    LecternProperties mode(boolean demo) {
        return new LecternProperties(props.dataDir(), props.db(), new LecternProperties.Demo(demo, null), props.admin(), props.tokens(),
                props.metrics(), props.secret());
    }

    @Test
    void runModeRefusesADatabaseHoldingDemoAccountsAndSaysHowOut() {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DemoCourse.DOMAIN;
        boolean before = accounts.anyAccountIn(DemoCourse.DOMAIN);
        accounts.createWithPassword(email, "Demo Admin", SiteRole.ADMIN, "lectern-demo");
        try {
            assertThatThrownBy(() -> new DemoDataGuard(accounts, mode(false)).afterPropertiesSet())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds the demo course's accounts")
                    .hasMessageContaining(props.dataDir().toAbsolutePath().toString())
                    .hasMessageContaining("./lectern demo")
                    .hasMessageContaining("LECTERN_DATA_DIR");
            // The demo itself starts on its own data.
            assertThatCode(() -> new DemoDataGuard(accounts, mode(true)).afterPropertiesSet()).doesNotThrowAnyException();
        } finally {
            jdbc.sql("delete from account where email = ?").param(email).update();
        }
        if (!before) {
            assertThatCode(() -> new DemoDataGuard(accounts, mode(false)).afterPropertiesSet()).doesNotThrowAnyException();
        }
    }

    @Test
    void theDemoKeepsItsOwnDataFolderByDefault() {
        var demo = new LecternProperties(null, null, new LecternProperties.Demo(true, null), null, null, null, null);
        var run = new LecternProperties(null, null, new LecternProperties.Demo(false, null), null, null, null, null);
        assertThat(demo.dataDir()).isNotEqualTo(run.dataDir());
        assertThat(demo.dataDir().getFileName().toString()).isEqualTo(".lectern-demo");
        assertThat(run.dataDir().getFileName().toString()).isEqualTo(".lectern");
    }
}
