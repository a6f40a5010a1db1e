package org.lectern.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every Kubernetes object in deploy/k8s passes its API schema, as {@code kubectl apply --dry-run=server} would
 * check it (no cluster runs here): Kubernetes 1.32's strict JSON schemas (unknown fields refused) and KEDA's own
 * ScaledObject CRD, both vendored under test resources {@code deploy-schemas/} (sources in its README).
 */
class DeployManifestsTest {

    static final Path K8S = Path.of("../deploy/k8s");
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** apiVersion/kind → the vendored schema. */
    static final Map<String, String> SCHEMAS = Map.of(
            "apps/v1/Deployment", "kubernetes/deployment-apps-v1.json",
            "apps/v1/StatefulSet", "kubernetes/statefulset-apps-v1.json",
            "v1/Service", "kubernetes/service-v1.json",
            "networking.k8s.io/v1/Ingress", "kubernetes/ingress-networking-v1.json",
            "keda.sh/v1alpha1/ScaledObject", "keda/keda.sh_scaledobjects.yaml");

    record Manifest(String file, JsonNode object) {
        String key() {
            return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
        }
    }

    static List<Manifest> manifests() throws IOException {
        List<Manifest> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (var docs = YAML.readValues(YAML.createParser(f.toFile()), JsonNode.class)) {
                    while (docs.hasNextValue()) {
                        JsonNode doc = docs.nextValue();
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            all.add(new Manifest(f.getFileName().toString(), doc));
                        }
                    }
                }
            }
        }
        return all;
    }

    static Schema schemaFor(String key) throws IOException {
        String resource = SCHEMAS.get(key);
        assertThat(resource).as("a vendored schema for " + key + " (add it to deploy-schemas/ and SCHEMAS)").isNotNull();
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/deploy-schemas/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            if (resource.endsWith(".json")) {
                // Their "$schema" names no dialect a validator knows ("…/schema#"); they are draft-4 style, read as draft 7.
                ObjectNode schema = (ObjectNode) new tools.jackson.databind.json.JsonMapper().readTree(in);
                schema.remove("$schema");
                return REGISTRY.getSchema(schema);
            }
            // A CRD: its served version's openAPIV3Schema, made strict like the Kubernetes schemas (an unknown
            // field is an error, as the API server's structural pruning would silently drop it).
            JsonNode crd = YAML.readTree(in);
            JsonNode schema = null;
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("served").asBoolean() && v.path("storage").asBoolean()) {
                    schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
            assertThat(schema).as("served storage version of " + resource).isNotNull();
            strict(schema);
            return REGISTRY.getSchema(schema);
        }
    }

    static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties") && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                o.put("additionalProperties", false);
            }
            o.forEach(DeployManifestsTest::strict);
        } else if (node != null && node.isArray()) {
            node.forEach(DeployManifestsTest::strict);
        }
    }

    static List<String> problems(Manifest m) throws IOException {
        return schemaFor(m.key()).validate(m.object()).stream()
                .map(e -> m.file() + " " + m.key() + " " + m.object().path("metadata").path("name").asString() + ": " + e)
                .toList();
    }

    @Test
    void everyObjectPassesItsSchema() throws IOException {
        List<Manifest> all = manifests();
        assertThat(all).extracting(Manifest::key).contains("apps/v1/Deployment", "keda.sh/v1alpha1/ScaledObject");
        List<String> problems = new ArrayList<>();
        for (Manifest m : all) {
            problems.addAll(problems(m));
        }
        assertThat(problems).isEmpty();
    }

    /** The check has teeth: a misspelt field or a wrong type is refused, in Kubernetes' objects and in KEDA's. */
    @Test
    void misspeltFieldsAndWrongTypesAreRefused() throws IOException {
        Manifest app = find("Deployment", "lectern-app");
        ((ObjectNode) app.object().path("spec")).put("replcas", 3);
        assertThat(problems(app)).anyMatch(p -> p.contains("replcas"));

        Manifest port = find("Deployment", "lectern-app");
        ((ObjectNode) port.object().path("spec").path("template").path("spec").path("containers").get(0).path("ports").get(0))
                .put("containerPort", "eighty");
        assertThat(problems(port)).isNotEmpty();

        Manifest scaler = find("ScaledObject", "lectern-worker");
        ((ObjectNode) scaler.object().path("spec")).put("pollingIntervl", 15);
        assertThat(problems(scaler)).anyMatch(p -> p.contains("pollingIntervl"));

        Manifest noTarget = find("ScaledObject", "lectern-worker");
        ((ObjectNode) noTarget.object().path("spec")).remove("scaleTargetRef");
        assertThat(problems(noTarget)).anyMatch(p -> p.contains("scaleTargetRef"));
    }

    /** App replicas never take pool jobs; the autoscaler scales the worker Deployment that exists, never the app. */
    @Test
    void appPodsTakeNoJobsAndKedaScalesTheWorkers() throws IOException {
        JsonNode app = find("Deployment", "lectern-app").object();
        JsonNode env = app.path("spec").path("template").path("spec").path("containers").get(0).path("env");
        assertThat(envValue(env, "LECTERN_POOL_ENABLED")).isEqualTo("false");
        assertThat(app.path("spec").path("template").path("spec").path("containers").get(0).path("readinessProbe")
                .path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");

        JsonNode scaler = find("ScaledObject", "lectern-worker").object();
        String target = scaler.path("spec").path("scaleTargetRef").path("name").asString();
        JsonNode worker = find("Deployment", target).object();
        assertThat(worker.path("metadata").path("labels").path("tier").asString()).isEqualTo("worker");
        assertThat(worker.path("spec").has("replicas")).as("KEDA owns the workers' replica count").isFalse();
        assertThat(scaler.path("spec").path("minReplicaCount").asInt())
                .as("one worker always runs: the app replicas leave the recurring jobs to the workers").isGreaterThanOrEqualTo(1);
        JsonNode trigger = scaler.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asString()).isEqualTo("postgresql");
        String passwordEnv = trigger.path("metadata").path("passwordFromEnv").asString();
        assertThat(envValue(worker.path("spec").path("template").path("spec").path("containers").get(0).path("env"), passwordEnv))
                .as("the scaler reads the password from the worker container's " + passwordEnv).isNotNull();
    }

    static String envValue(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asString().equals(name)) {
                return e.has("value") ? e.path("value").asString() : "(from " + e.path("valueFrom") + ")";
            }
        }
        return null;
    }

    static Manifest find(String kind, String name) throws IOException {
        return manifests().stream()
                .filter(m -> m.object().path("kind").asString().equals(kind))
                .filter(m -> m.object().path("metadata").path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    /** The scaler's query, for the test that runs it against the real schema. */
    static String kedaQuery() throws IOException {
        return find("ScaledObject", "lectern-worker").object().path("spec").path("triggers").get(0)
                .path("metadata").path("query").asString();
    }
}
