package org.lectern.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.identity.Account;
import org.lectern.identity.SiteRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** An account row with the fields only sign-in needs. */
    public record Credentials(Account account, String passwordHash) {
    }

    private static final String COLUMNS = "id, email, display_name, site_role, password_hash";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where email = ?")
                .param(email)
                .query(AccountRepository::credentials)
                .optional();
    }

    public Optional<Account> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id)
                .query(AccountRepository::credentials).optional().map(Credentials::account);
    }

    public Optional<Account> byEmail(String email) {
        return credentials(email).map(Credentials::account);
    }

    public List<Account> byEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from account where email = any(?)")
                .param(emails.toArray(String[]::new))
                .query(AccountRepository::credentials).list().stream().map(Credentials::account).toList();
    }

    public long insert(String email, String displayName, SiteRole role, String passwordHash) {
        return jdbc.sql("insert into account (email, display_name, site_role, password_hash) values (?, ?, ?, ?) returning id")
                .params(email, displayName, role.name(), passwordHash)
                .query(Long.class).single();
    }

    public void setPassword(long id, String passwordHash) {
        jdbc.sql("update account set password_hash = ? where id = ?")
                .params(passwordHash, id).update();
    }

    public void setSiteRole(long id, SiteRole role) {
        jdbc.sql("update account set site_role = ? where id = ?").params(role.name(), id).update();
    }

    /** Accounts whose e-mail or name contains the text, for the admin page. */
    public List<Account> search(String text, int limit) {
        String like = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from account where email like ? or lower(display_name) like ? order by email limit ?")
                .params(like, like, limit)
                .query(AccountRepository::credentials).list().stream().map(Credentials::account).toList();
    }

    /** Whether any account's address ends in "@" + domain. */
    public boolean anyInDomain(String domain) {
        return jdbc.sql("select exists(select 1 from account where email like ? escape '\\')")
                .param("%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .query(Boolean.class).single();
    }

    public boolean anyAdmin() {
        return jdbc.sql("select exists(select 1 from account where site_role = 'ADMIN')").query(Boolean.class).single();
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        String hash = rs.getString("password_hash");
        Account account = new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                SiteRole.valueOf(rs.getString("site_role")), hash != null);
        return new Credentials(account, hash);
    }
}
