package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files against the running server: every metric the Grafana dashboard queries is one Basalt
 * exports, the probes of compose and Kubernetes answer, and the files agree with each other (image, volume, port,
 * metrics token).
 */
class DeployFilesHttpTest extends ApiTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern METRIC = Pattern.compile("([a-z_]+)\\{");

    @Test
    void theDashboardQueriesOnlyMetricsBasaltExports() throws Exception {
        get("/api/health", null); // so that the HTTP request metrics exist
        String metrics = get("/metrics", superuser()).body();
        JsonNode dashboard = JsonMapper.builder().build().readTree(DEPLOY.resolve("grafana/dashboards/basalt.json")
                .toFile());
        TreeSet<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asString());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
                "basalt_realtime_clients");
        List<String> missing = queried.stream().filter(name -> !metrics.contains("\n" + name + "{")).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheImageWithItsProbeAndScrapesMetricsWithTheToken() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("basalt", "postgres", "redis", "prometheus", "grafana");
        Map<String, Object> basalt = (Map<String, Object>) services.get("basalt");
        assertThat((List<String>) basalt.get("volumes")).contains("basalt_data:/basalt_data");
        List<String> probe = (List<String>) ((Map<String, Object>) basalt.get("healthcheck")).get("test");
        assertThat(Path.of("src/main/jib" + probe.get(1))).exists();
        // Jib copies this empty directory into the image as the volume, writable by the non-root user
        assertThat(Path.of("src/main/jib/basalt_data")).isDirectory();
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<file>/basalt_data</file><mode>777</mode>", "<user>65534:65534</user>");
        Map<String, Object> env = (Map<String, Object>) basalt.get("environment");
        assertThat(env).containsKeys("BASALT_DB_URL", "BASALT_METRICS_TOKEN");
        String prometheus = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"));
        assertThat(prometheus).contains("metrics_path: /metrics", "credentials_file: /prometheus/metrics_token",
                "basalt:8090");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) services.get("prometheus"))
                .get("entrypoint"))).contains("> /prometheus/metrics_token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesProbesAnswer() throws Exception {
        List<Object> probes = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(DEPLOY.resolve("k8s/deployment.yaml")))) {
            Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    ((Map<String, Object>) doc).get("spec")).get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) spec.get("containers")).getFirst();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                probes.add(((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet"))
                        .get("path"));
            }
            assertThat(((Map<String, Object>) spec.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
        }
        assertThat(probes).hasSize(3).contains("/api/health");
        for (Object path : probes) {
            assertThat(get((String) path, null).status()).as(path.toString()).isEqualTo(200);
        }
    }
}
