package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.lectern.identity.internal.AccountRepository;
import org.lectern.identity.internal.TokenRepository;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bearer token looked up while PostgreSQL is unreachable (the cluster's scenario 3 met it mid-restart) is a 503 to
 * retry, in JSON, and the request goes no further; the filter threw before, and the error dispatch answered the API
 * client with a 302 to the sign-in page.
 */
class BearerTokenFilterTest {

    /** The real token service and repositories on a PostgreSQL address nobody listens on (refused, as mid-restart). */
    static ApiTokenService unreachableTokens() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/lectern?connectTimeout=2");
        unreachable.setUser("lectern");
        JdbcClient jdbc = JdbcClient.create(unreachable);
        return new ApiTokenService(null, new TokenRepository(jdbc), new AccountRepository(jdbc), Clock.systemUTC(), null);
    }

    /** One request through the filter: what it answered, and the request the rest of the chain got (null: none). */
    record Passed(MockHttpServletRequest request, MockHttpServletResponse response, jakarta.servlet.ServletRequest onward) {
    }

    static Passed through(ApiTokenService tokens, String method, String uri, String bearer) throws Exception {
        var filter = new ApiSecurityConfiguration.BearerTokenFilter(tokens, JsonMapper.builder().build());
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        if (bearer != null) {
            request.addHeader("Authorization", "Bearer " + bearer);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Passed(request, response, chain.getRequest());
    }

    @Test
    void aTokenLookupWithTheDatabaseUnreachableIsA503ToRetry() throws Exception {
        Passed p = through(unreachableTokens(), "POST", "/api/v1/assignments/7/submissions", "lct_some-token");
        assertThat(p.response().getStatus()).isEqualTo(503);
        assertThat(p.response().getHeader("Retry-After")).isEqualTo("5");
        assertThat(p.response().getContentType()).startsWith("application/json");
        assertThat(p.response().getContentAsString()).contains("\"error\":\"unavailable\"").contains("Try again in a few seconds");
        assertThat(p.onward()).as("the request went no further").isNull();
    }

    @Test
    void theMetricsScrapeGoesOnAnonymouslyWhenTheDatabaseIsUnreachable() throws Exception {
        Passed p = through(unreachableTokens(), "GET", "/actuator/prometheus", "the-scrape-token");
        assertThat(p.onward()).as("on to the metrics' own token check").isSameAs(p.request());
        assertThat(p.response().getStatus()).isEqualTo(200);
    }

    @Test
    void withoutATokenNothingIsLookedUp() throws Exception {
        Passed p = through(null, "GET", "/api/v1/openapi.json", null);
        assertThat(p.onward()).isSameAs(p.request());
    }
}
