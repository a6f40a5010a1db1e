package org.lectern.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.identity.SiteRole;
import org.lectern.platform.ForbiddenException;
import org.springframework.beans.factory.annotation.Autowired;

/** The node says at start what it can run and what it claims; site admins (only) read it. */
@BackendTest
class PoolNodesIT {

    @Autowired PoolNodes pool;
    @Autowired GradingPoolConfiguration.PoolLifecycle lifecycle;
    @Autowired People people;

    @Test
    void siteAdminsSeeWhatThisNodeCanRunAndClaimsOthersMayNot() {
        var admin = people.make("pool-admin", SiteRole.ADMIN);
        var node = as(admin, () -> pool.nodes()).stream().filter(n -> n.name().equals(lifecycle.workerName())).findFirst().orElseThrow();
        WorkerCapabilities can = lifecycle.capabilities();
        assertThat(node.canRun()).isEqualTo(can.describe());
        assertThat(node.canRun()).containsAnyOf("cgroup v2 at ", "cgroup v1 at ", "rlimits only, because ", "no sandbox");
        if (can.sandbox()) {
            assertThat(node.claims().split(", ")).contains("grade", "model-eval");
        } else {
            assertThat(node.claims()).endsWith("; not grade");
        }

        var instructor = people.instructor();
        assertThatThrownBy(() -> as(instructor, () -> pool.nodes())).isInstanceOf(ForbiddenException.class);
    }
}
