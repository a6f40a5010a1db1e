package org.lectern.pool;

import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.Queries;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * db-scheduler's PostgreSQL lock-and-fetch with one condition more: this node never claims the job kinds it
 * cannot run. The other way, leaving those tasks unregistered, would not do: db-scheduler would still lock such
 * a job, find no implementation, leave it picked (so another node would count its worker as dead), and delete
 * every job of that kind after 14 days. Here every node knows every task (so any node may revive or end a dead
 * one) and only the claim differs. A job may also name the Python environment it needs (the {@code environment}
 * column, set by {@link PoolJobs#requireEnvironment}); a node claims it only if it offers that environment.
 */
final class ClaimFilter extends PostgreSqlJdbcCustomization {

    private final Set<String> excluded;
    private final Set<String> environments;

    /** A node that offers every environment (as before environments were named). */
    ClaimFilter(Set<String> excluded) {
        this(excluded, null);
    }

    /** @param environments the environments this node offers; null: it does not filter on them */
    ClaimFilter(Set<String> excluded, Set<String> environments) {
        super(false, false);
        this.excluded = Set.copyOf(excluded);
        this.environments = environments == null ? null : Set.copyOf(environments);
    }

    Set<String> excluded() {
        return excluded;
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(JdbcTaskRepositoryContext ctx, Instant now, int limit,
                                                       boolean orderByPriority) {
        if (excluded.isEmpty() && environments == null) {
            return super.lockAndFetchSingleStatement(ctx, now, limit, orderByPriority);
        }
        // As PostgreSqlJdbcCustomization's, plus: neither the kinds this node cannot run nor unresolved task names.
        String query = " WITH locked_executions as (UPDATE " + ctx.tableName
                + " st1 SET picked = ?, picked_by = ?, last_heartbeat = ?, version = version + 1 "
                + " WHERE (st1.task_name, st1.task_instance) IN "
                + "(SELECT st2.task_name, st2.task_instance FROM " + ctx.tableName + " st2 "
                + " WHERE picked = ? and execution_time <= ? AND st2.task_name <> ALL (?) "
                + (environments == null ? "" : " AND (st2.environment IS NULL OR st2.environment = ANY (?)) ")
                + Queries.ansiSqlOrderPart(orderByPriority)
                + " FOR UPDATE SKIP LOCKED " + getQueryLimitPart(limit) + ")"
                + " RETURNING st1.*) "
                + " SELECT * FROM locked_executions " + Queries.ansiSqlOrderPart(orderByPriority);
        List<String> notMine = new ArrayList<>(excluded);
        ctx.taskResolver.getUnresolved().forEach(task -> notMine.add(task.getTaskName()));
        return ctx.jdbcRunner.query(query, ps -> {
            int index = 1;
            ps.setBoolean(index++, true);
            ps.setString(index++, truncate(ctx.schedulerName.getName(), 50));
            setInstant(ps, index++, now);
            ps.setBoolean(index++, false);
            setInstant(ps, index++, now);
            ps.setArray(index++, ps.getConnection().createArrayOf("text", notMine.toArray()));
            if (environments != null) {
                ps.setArray(index, ps.getConnection().createArrayOf("text", environments.toArray()));
            }
        }, ctx.resultSetMapper.get());
    }

    private static String truncate(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
