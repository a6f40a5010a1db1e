package org.lectern.pool;

/**
 * What a kind of pool job needs of the node that runs it. A feature declares one bean per job kind with needs;
 * a node that cannot meet them never claims that kind (see {@link ClaimFilter}). Kinds without a bean need
 * nothing beyond the JVM.
 *
 * @param taskName the db-scheduler task name ("grade")
 * @param sandbox  a working bubblewrap sandbox
 * @param gpu      a GPU
 */
public record JobNeeds(String taskName, boolean sandbox, boolean gpu) {

    public JobNeeds {
        if (!taskName.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("task names are lower-case words with dashes: " + taskName);
        }
    }
}
