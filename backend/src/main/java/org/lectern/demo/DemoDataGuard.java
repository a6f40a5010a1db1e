package org.lectern.demo;

import org.lectern.identity.AccountService;
import org.lectern.platform.LecternProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts have a published password (and one is a site admin), so a real install must
 * never hold them: outside demo mode Lectern refuses to start on a data folder or database that
 * does, before it serves anyone, and says how to get out.
 */
@Component
class DemoDataGuard implements InitializingBean {

    private final AccountService accounts;
    private final LecternProperties props;

    DemoDataGuard(AccountService accounts, LecternProperties props) {
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    public void afterPropertiesSet() {
        check();
    }

    void check() {
        if (props.demo().enabled() || !accounts.anyAccountIn(DemoCourse.DOMAIN)) {
            return;
        }
        String where = props.db().external()
                ? "The database " + props.db().url()
                : "The data folder " + props.dataDir().toAbsolutePath();
        String elsewhere = props.db().external()
                ? "point LECTERN_DB_URL at another database"
                : "point LECTERN_DATA_DIR at a new folder, or move this one away (mv " + props.dataDir().toAbsolutePath() + " "
                  + props.dataDir().toAbsolutePath() + "-old-demo) and start again";
        throw new IllegalStateException(where + " holds the demo course's accounts (…@" + DemoCourse.DOMAIN + "), whose password is"
                + " public and one of which is a site admin, so Lectern will not run a real install on it. Start the demo with"
                + " ./lectern demo (it keeps its own data in ~/.lectern-demo), or " + elsewhere + ".");
    }
}
