package org.lectern.pool;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.CurrentUser;
import org.lectern.platform.ForbiddenException;
import org.lectern.pool.internal.PoolRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Site admins: the pool's nodes, what each can run and which job kinds it claims, as each said at its start. */
@Service
public class PoolNodes {

    public record PoolNode(String name, Instant startedAt, String canRun, String claims) {
    }

    private final PoolRepository repository;

    PoolNodes(PoolRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<PoolNode> nodes() {
        if (!CurrentUser.require().isAdmin()) {
            throw new ForbiddenException("Only a site admin can see the pool's nodes.");
        }
        return repository.nodes(50).stream()
                .map(row -> new PoolNode((String) row[0], (Instant) row[1], (String) row[2], (String) row[3]))
                .toList();
    }
}
