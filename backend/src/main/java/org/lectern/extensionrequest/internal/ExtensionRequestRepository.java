package org.lectern.extensionrequest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.extensionrequest.ExtensionRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ExtensionRequestRepository {

    private static final String COLUMNS = """
            r.id, r.course_id, r.item_key, r.account_id, a.display_name, r.days, r.reason, r.asked_at, r.status, r.note, r.decided_at, r.document_name
            from extension_request r join account a on a.id = r.account_id""";

    private final JdbcClient jdbc;

    public ExtensionRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the student already has an open request on the item. */
    public Optional<Long> insert(long courseId, String itemKey, long accountId, int days, String reason, Instant at) {
        return jdbc.sql("""
                        insert into extension_request (course_id, item_key, account_id, days, reason, asked_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (course_id, lower(item_key), account_id) where status = 'open' do nothing returning id""")
                .params(courseId, itemKey, accountId, days, reason, Timestamp.from(at)).query(Long.class).optional();
    }

    public void attach(long id, String name, String sha256) {
        jdbc.sql("update extension_request set document_name = ?, document_sha256 = ? where id = ?").params(name, sha256, id).update();
    }

    public Optional<String> documentSha(long id) {
        return jdbc.sql("select document_sha256 from extension_request where id = ? and document_sha256 is not null").param(id)
                .query(String.class).optional();
    }

    public Optional<ExtensionRequest> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " where r.id = ?").param(id).query(ExtensionRequestRepository::request).optional();
    }

    /** False when it was decided meanwhile. */
    public boolean decide(long id, String status, String note, long by, Instant at) {
        return jdbc.sql("update extension_request set status = ?, note = ?, decided_by = ?, decided_at = ? where id = ? and status = 'open'")
                .params(status, note, by, Timestamp.from(at), id).update() == 1;
    }

    public List<ExtensionRequest> forCourse(long courseId, Long accountId) {
        String order = " order by r.status <> 'open', r.asked_at, r.id";
        return accountId == null
                ? jdbc.sql("select " + COLUMNS + " where r.course_id = ?" + order).param(courseId).query(ExtensionRequestRepository::request).list()
                : jdbc.sql("select " + COLUMNS + " where r.course_id = ? and r.account_id = ?" + order).params(courseId, accountId)
                        .query(ExtensionRequestRepository::request).list();
    }

    public String email(long accountId) {
        return jdbc.sql("select email from account where id = ?").param(accountId).query(String.class).single();
    }

    public int openCount(long courseId) {
        return jdbc.sql("select count(*) from extension_request where course_id = ? and status = 'open'").param(courseId).query(Integer.class).single();
    }

    private static ExtensionRequest request(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(11);
        return new ExtensionRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), decided == null ? null : decided.toInstant(), rs.getString(12));
    }
}
