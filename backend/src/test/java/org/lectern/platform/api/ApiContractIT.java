package org.lectern.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lectern.BackendTest;
import org.lectern.RestCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API as a contract: the generated OpenAPI document names every /api/v1 endpoint Spring serves, each with a
 * summary and the error answers that apply to it, all described; the bearer scheme is there; the interactive page
 * is served from Lectern itself.
 */
@BackendTest
class ApiContractIT {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    @LocalServerPort int port;
    @Autowired org.lectern.Coursework coursework;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    RestCalls rest;
    JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        rest = new RestCalls(port);
        HttpResponse<String> r = rest.send("GET", "/api/v1/openapi.json", null, null, (String) null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        doc = RestCalls.json(r.body());
    }

    @Test
    void theDocumentNamesEveryEndpointSpringServes() {
        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            for (String p : e.getKey().getPatternValues()) {
                if (!p.startsWith("/api/v1/") && !p.equals("/api/v1") || p.equals("/api/v1/openapi.json")
                        || p.startsWith("/api/v1/openapi.json")) {
                    continue;
                }
                for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
                    served.add(m.name() + " " + p.replaceAll("\\{(\\w+):[^}]*}", "{$1}"));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (VERBS.contains(op.getKey())) {
                documented.add(op.getKey().toUpperCase() + " " + p.getKey());
            }
        }));
        assertThat(served).isNotEmpty();
        assertThat(documented).as("documented operations vs. Spring's handler mappings").isEqualTo(served);
    }

    @Test
    void everyOperationHasASummaryAndDescribesItsErrorAnswers() {
        List<String> problems = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(o -> {
            if (!VERBS.contains(o.getKey())) {
                return;
            }
            String name = o.getKey().toUpperCase() + " " + p.getKey();
            JsonNode op = o.getValue();
            if (!op.has("summary") || op.get("summary").asString().isBlank()) {
                problems.add(name + ": no summary");
            }
            JsonNode responses = op.get("responses");
            if (responses == null) {
                problems.add(name + ": no responses");
                return;
            }
            responses.properties().forEach(r -> {
                String d = r.getValue().has("description") ? r.getValue().get("description").asString() : "";
                if (d.isBlank() || r.getKey().charAt(0) >= '4' && d.matches("[A-Z][a-z]+( [A-Z][a-z]+)*")) {
                    // springdoc's fallback is the status's reason phrase ("Not Found"): that describes nothing
                    problems.add(name + ": answer " + r.getKey() + " is not described");
                }
            });
            boolean pathVariable = p.getKey().contains("{");
            boolean body = op.has("requestBody");
            boolean input = body || op.has("parameters");
            List<String> expected = new ArrayList<>(List.of("401"));
            if (pathVariable) {
                expected.addAll(List.of("403", "404"));
            }
            if (input) {
                expected.add("400");
            }
            if (body) {
                expected.add("413");
            }
            for (String code : expected) {
                if (!responses.has(code)) {
                    problems.add(name + ": answer " + code + " is not described");
                }
            }
            if (!responses.properties().stream().anyMatch(r -> r.getKey().startsWith("2"))) {
                problems.add(name + ": no success answer");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void theBearerSchemeIsDescribedAndOnlySignInGoesWithoutIt() {
        JsonNode scheme = doc.at("/components/securitySchemes/bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("description").asString()).contains("POST /api/v1/tokens");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1tokens/post/security").size()).isZero();
        assertThat(doc.at("/components/schemas/ApiError/properties").has("detail")).isTrue();
    }

    @Test
    void theInteractivePageIsServedByLecternWithNothingFromOutside() throws Exception {
        List<String> chain = new ArrayList<>();
        HttpResponse<String> page = follow("/api/docs", chain);
        assertThat(page.statusCode()).as(chain.toString()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        for (String attr : List.of("src=\"http", "href=\"http", "src=\"//", "href=\"//")) {
            assertThat(page.body()).as("the page loads nothing from another origin").doesNotContain(attr);
        }
        for (String file : List.of("/api/docs/swagger-ui.css", "/api/docs/swagger-ui-bundle.js",
                "/api/docs/swagger-ui-standalone-preset.js", "/api/docs/lectern-docs.js")) {
            assertThat(page.body()).contains(file);
            assertThat(rest.send("GET", file, null, null, (String) null).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(rest.send("GET", "/api/docs/lectern-docs.js", null, null, (String) null).body())
                .contains("\"/api/v1/openapi.json\"").contains("validatorUrl: \"none\"");
        assertThat(rest.send("GET", "/api/docs/index.html", null, null, (String) null).statusCode())
                .as("only the named files").isEqualTo(404);
    }

    /**
     * The error answers the API really gives are the ones its description names, in the described shape: every
     * operation called without a token, and every GET with path variables called by a signed-in student with ids
     * that do not exist, answers a status its operation lists, with an ApiError body.
     */
    @Test
    void theErrorAnswersGivenAreTheDescribedOnes() throws Exception {
        var s = coursework.setup(false);
        String student = rest.token(s.student());
        Set<String> errorFields = new TreeSet<>();
        doc.at("/components/schemas/ApiError/properties").properties().forEach(p -> errorFields.add(p.getKey()));
        assertThat(errorFields).contains("error", "detail");
        List<String> problems = new ArrayList<>();
        int[] called = {0};
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(o -> {
            if (!VERBS.contains(o.getKey())) {
                return;
            }
            String verb = o.getKey().toUpperCase();
            JsonNode responses = o.getValue().get("responses");
            boolean open = o.getValue().has("security") && o.getValue().get("security").isEmpty();
            String path = p.getKey().replaceAll("\\{[^}]+}", "987654321");
            try {
                if (!open) {
                    check(problems, verb + " " + p.getKey() + " (no token)", rest.send(verb, path, null, null, (String) null),
                            responses, errorFields);
                    called[0]++;
                }
                if (verb.equals("GET") && p.getKey().contains("{")) {
                    check(problems, verb + " " + p.getKey() + " (a student, unknown ids)", rest.send(verb, path, student, null, (String) null),
                            responses, errorFields);
                    called[0]++;
                }
            } catch (Exception e) {
                problems.add(verb + " " + p.getKey() + ": " + e);
            }
        }));
        assertThat(called[0]).isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, String name, HttpResponse<String> r, JsonNode responses, Set<String> errorFields) {
        String status = String.valueOf(r.statusCode());
        if (r.statusCode() < 400) {
            problems.add(name + ": answered " + status + ", not an error");
            return;
        }
        if (!responses.has(status)) {
            problems.add(name + ": answered " + status + ", which its description does not list " + responses.propertyNames());
        }
        try {
            JsonNode body = RestCalls.json(r.body());
            for (String field : List.of("error", "detail")) {
                if (!body.has(field) || !body.get(field).isString()) {
                    problems.add(name + ": " + status + " body has no " + field + ": " + r.body());
                }
            }
            body.propertyNames().forEach(f -> {
                if (!errorFields.contains(f)) {
                    problems.add(name + ": " + status + " body has " + f + ", which ApiError does not describe");
                }
            });
        } catch (RuntimeException e) {
            problems.add(name + ": " + status + " body is not an ApiError: " + r.body());
        }
    }

    private HttpResponse<String> follow(String path, List<String> chain) throws Exception {
        chain.add(path);
        HttpResponse<String> r = rest.send("GET", path, null, null, (String) null);
        for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
            String to = r.headers().firstValue("Location").orElseThrow();
            chain.add(r.statusCode() + " → " + to);
            r = rest.send("GET", to.startsWith("http") ? to.replaceFirst("^https?://[^/]+", "") : to, null, null, (String) null);
        }
        return r;
    }
}
