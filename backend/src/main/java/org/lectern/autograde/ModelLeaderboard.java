package org.lectern.autograde;

import java.util.List;

/**
 * The leaderboard of a model assignment: each student's counted model, best public score first.
 * Private scores show after the deadline (staff: always). Names or nicknames, as the course chose.
 */
public record ModelLeaderboard(String metric, boolean privateShown, List<Row> rows) {

    public record Row(int rank, String who, boolean me, Double publicScore, Double privateScore, Long parameters, Double latencyMillis) {
    }
}
