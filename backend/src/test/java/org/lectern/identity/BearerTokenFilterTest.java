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

    @Test
    void aTokenLookupWithTheDatabaseUnreachableIsA503ToRetry() throws Exception {
        var filter = new ApiSecurityConfiguration.BearerTokenFilter(unreachableTokens(), JsonMapper.builder().build());

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assignments/7/submissions");
        request.addHeader("Authorization", "Bearer lct_some-token");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\":\"unavailable\"").contains("Try again in a few seconds");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void theMetricsScrapeGoesOnAnonymouslyWhenTheDatabaseIsUnreachable() throws Exception {
        var filter = new ApiSecurityConfiguration.BearerTokenFilter(unreachableTokens(), JsonMapper.builder().build());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.addHeader("Authorization", "Bearer the-scrape-token");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("on to the metrics' own token check").isSameAs(request);
    }

    @Test
    void withoutATokenNothingIsLookedUp() throws Exception {
        var filter = new ApiSecurityConfiguration.BearerTokenFilter(null, JsonMapper.builder().build());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/openapi.json");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
