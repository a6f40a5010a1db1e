package org.lectern.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A call made while PostgreSQL restarts (the cluster's scenario 3 got a 500 "something went wrong on our side") is a
 * 503 with Retry-After and a sentence saying the request was not completed, through the real handler in Spring MVC.
 */
class DatabaseUnavailableTest {

    static Stream<RuntimeException> databaseFailures() {
        return Stream.of(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLException("Connection refused", "08001")),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout", "08001")),
                new DataAccessResourceFailureException("terminating connection due to administrator command",
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01")),
                new TransientDataAccessResourceException("the database system is starting up"),
                // What the cluster's scenario 3 met: the rollback after a cut connection failed too.
                new TransactionSystemException("JDBC rollback failed", new SQLException("This connection has been closed.", "08003")),
                // A crash under load: the commit was cut, Hikari marked the connection broken, and the rollback on it
                // met Hikari's own closed connection (no SQLSTATE).
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
    }

    @ParameterizedTest
    @MethodSource("databaseFailures")
    void aCallDuringADatabaseRestartIsA503ToRetry(RuntimeException failure) throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(failure)).setControllerAdvice(new ApiErrorHandler()).build();
        mvc.perform(post("/fails"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.error").value("unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not completed")));
        // The same rule answers for the filters that run before Spring MVC (the bearer token lookup).
        org.assertj.core.api.Assertions.assertThat(ApiErrorHandler.databaseUnreachable(failure)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aTransactionFailureWithTheDatabaseUpIsStillA500() throws Exception {
        var failure = new TransactionSystemException("JDBC commit failed", new SQLException("serialization", "40001"));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(failure)).setControllerAdvice(new ApiErrorHandler()).build();
        mvc.perform(post("/fails")).andExpect(status().isInternalServerError()).andExpect(jsonPath("$.error").value("internal_error"));
        org.assertj.core.api.Assertions.assertThat(ApiErrorHandler.databaseUnreachable(failure)).isFalse();
    }

    @RestController
    static final class Failing {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @PostMapping("/fails")
        String fail() {
            throw failure;
        }
    }
}
