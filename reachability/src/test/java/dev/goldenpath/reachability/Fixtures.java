package dev.goldenpath.reachability;

import static dev.goldenpath.vocabulary.Protocol.TCP;
import static dev.goldenpath.vocabulary.Protocol.UDP;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A small cluster the semantic tests share, and YAML parsing so that policies in tests read like the
 * Kubernetes documentation.
 *
 * <pre>
 * namespace web  (team=web)   pods frontend (app=frontend, 10.0.0.5)  api (app=api, 10.0.0.6, http 8080, metrics 9090)
 * namespace data (team=data)  pod  db (app=db, 10.0.1.7, postgres 5432, dns 53/UDP)
 * namespace ops  (no labels)  pod  monitor (app=monitor, 10.0.2.9, 2001:db8::9)
 * external 203.0.113.7 (443/TCP), external 2001:db8:ffff::1 (443/TCP)
 * </pre>
 */
final class Fixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final Pod FRONTEND = Endpoint.pod("web", "frontend", Map.of("app", "frontend", "tier", "edge"))
            .ip("10.0.0.5");
    static final Pod API = Endpoint.pod("web", "api", Map.of("app", "api", "tier", "backend"))
            .ip("10.0.0.6")
            .port("http", 8080, TCP)
            .port("metrics", 9090, TCP);
    static final Pod DB = Endpoint.pod("data", "db", Map.of("app", "db", "tier", "backend"))
            .ip("10.0.1.7")
            .port("postgres", 5432, TCP)
            .port("dns", 53, UDP);
    static final Pod MONITOR = Endpoint.pod("ops", "monitor", Map.of("app", "monitor"))
            .ip("10.0.2.9")
            .ip("2001:db8::9");
    static final External INTERNET = Endpoint.external("203.0.113.7").port(443, TCP);
    static final External INTERNET_V6 = Endpoint.external("2001:db8:ffff::1").port(443, TCP);

    private Fixtures() {
    }

    /** The shared cluster with the policies in {@code yaml} (documents separated by {@code ---}). */
    static Reachability cluster(String yaml) {
        return builder().policies(policies(yaml)).build();
    }

    /** The shared cluster's namespaces and endpoints, no policies yet. */
    static Reachability.Builder builder() {
        return Reachability.builder()
                .namespace("web", Map.of("team", "web"))
                .namespace("data", Map.of("team", "data"))
                .namespace("ops")
                .pod(FRONTEND)
                .pod(API)
                .pod(DB)
                .pod(MONITOR)
                .external(INTERNET)
                .external(INTERNET_V6);
    }

    /** Every NetworkPolicy document in {@code yaml}. */
    static List<NetworkPolicy> policies(String yaml) {
        if (yaml.isBlank()) {
            return List.of();
        }
        try (MappingIterator<NetworkPolicy> documents = YAML.readerFor(NetworkPolicy.class).readValues(yaml)) {
            return documents.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
