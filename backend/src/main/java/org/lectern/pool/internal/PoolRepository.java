package org.lectern.pool.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PoolRepository {

    private final JdbcClient jdbc;

    public PoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more dead worker under this job and returns how many it has had. */
    public int recordDeath(String taskName, String taskInstance, String worker) {
        return jdbc.sql("""
                insert into pool_dead_worker (task_name, task_instance, deaths, last_worker) values (?, ?, 1, ?)
                on conflict (task_name, task_instance)
                do update set deaths = pool_dead_worker.deaths + 1, last_worker = excluded.last_worker, last_death_at = now()
                returning deaths""")
                .params(taskName, taskInstance, worker).query(Integer.class).single();
    }

    public void saveNode(String name, String canRun, String claims, List<String> environments) {
        jdbc.sql("""
                insert into pool_node (name, can_run, claims, environments) values (?, ?, ?, ?)
                on conflict (name) do update set started_at = now(), can_run = excluded.can_run, claims = excluded.claims,
                    environments = excluded.environments""")
                .params(name, canRun, claims, String.join(",", environments)).update();
    }

    /** Marks a queued job as needing a named environment (same transaction as its enqueue). */
    public void requireEnvironment(String taskName, String taskInstance, String environment) {
        jdbc.sql("update scheduled_tasks set environment = ? where task_name = ? and task_instance = ?")
                .params(environment, taskName, taskInstance).update();
    }

    /** Whether a recorded pool node offers this environment. */
    public boolean anyNodeOffers(String environment) {
        return jdbc.sql("select exists (select 1 from pool_node where ? = any (string_to_array(environments, ',')))")
                .param(environment).query(Boolean.class).single();
    }

    public void removeNode(String name) {
        jdbc.sql("delete from pool_node where name = ?").param(name).update();
    }

    /** name, started_at, can_run, claims of the nodes that said so most recently. */
    public List<Object[]> nodes(int limit) {
        return jdbc.sql("select name, started_at, can_run, claims from pool_node order by started_at desc limit ?")
                .param(limit)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)})
                .list();
    }

    /** Per job kind: due and not taken, taken, and the oldest due one's wait in seconds. */
    public record QueueRow(long due, long running, double oldestWaitSeconds) {
    }

    public Map<String, QueueRow> queue() {
        Map<String, QueueRow> rows = new HashMap<>();
        jdbc.sql("""
                select task_name,
                       count(*) filter (where not picked and execution_time <= now()),
                       count(*) filter (where picked),
                       coalesce(extract(epoch from now() - min(execution_time) filter (where not picked and execution_time <= now())), 0)
                from scheduled_tasks group by task_name""")
                .query(rs -> {
                    rows.put(rs.getString(1), new QueueRow(rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
                });
        return rows;
    }
}
