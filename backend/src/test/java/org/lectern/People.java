package org.lectern;

import java.util.UUID;
import java.util.function.Supplier;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.springframework.stereotype.Component;

/** Makes uniquely named accounts for a test and runs code as them. */
@Component
public class People {
    public static final String PASSWORD = "correct-horse-battery";

    private final AccountService accounts;

    public People(AccountService accounts) {
        this.accounts = accounts;
    }

    public Account make(String who, SiteRole role) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.lectern";
        return accounts.createWithPassword(email, who, role, PASSWORD);
    }

    public Account instructor() {
        return make("instructor", SiteRole.COURSE_CREATOR);
    }

    public Account user(String who) {
        return make(who, SiteRole.USER);
    }

    public static <T> T as(Account account, Supplier<T> work) {
        return CurrentUser.runAs(account, work);
    }

    public static void as(Account account, Runnable work) {
        CurrentUser.runAs(account, () -> {
            work.run();
            return null;
        });
    }
}
