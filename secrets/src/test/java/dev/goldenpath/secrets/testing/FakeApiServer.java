package dev.goldenpath.secrets.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that answers like the Kubernetes API server's service proxy in
 * front of a sealed-secrets controller: {@code GET /api/v1/namespaces/<ns>/services/http:<name>:/proxy/v1/cert.pem}.
 * Anything else is a 404 with a Kubernetes {@code Status} body. Clients (fabric8) connect with {@link #kubeconfig()}
 * or {@link #url()} and the bearer token {@code test-token}.
 */
public final class FakeApiServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, String accept, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, String> certificates = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeApiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            String pem = certificates.get(path);
            byte[] body;
            int status;
            if (pem != null && exchange.getRequestMethod().equals("GET")) {
                status = 200;
                body = pem.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
            } else {
                status = 404;
                body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"services \\\"not-there\\\" not found\",\"reason\":\"NotFound\",\"code\":404}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code pem} as the certificate of controller {@code namespace/name}. */
    public FakeApiServer controller(String namespace, String name, String pem) {
        certificates.put("/api/v1/namespaces/" + namespace + "/services/http:" + name + ":/proxy/v1/cert.pem", pem);
        return this;
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A kubeconfig file body pointing at this server. */
    public String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: loopback
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: test-token
                contexts:
                - name: loopback
                  context:
                    cluster: loopback
                    user: tester
                    namespace: default
                current-context: loopback
                """.formatted(url());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
