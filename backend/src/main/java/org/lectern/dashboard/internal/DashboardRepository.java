package org.lectern.dashboard.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DashboardRepository {

    /** The channel dashboards follow: the course id whenever its waiting work may have changed. */
    public static final String CHANNEL = "lectern_dashboard";

    private final JdbcClient jdbc;

    public DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void notifyChanged(long courseId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', ?)").param(Long.toString(courseId)).query(Object.class).single();
    }
}
