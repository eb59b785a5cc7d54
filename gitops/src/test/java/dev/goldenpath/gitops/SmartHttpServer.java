package dev.goldenpath.gitops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Git's smart HTTP protocol on loopback: the JDK's HTTP server in front of {@code git http-backend} (the CGI
 * program shipped with git), requiring HTTP basic authentication with one user and password, or a bearer
 * token.
 */
final class SmartHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path projectRoot;
    private final String basic;
    private final String bearer;
    final AtomicInteger unauthorized = new AtomicInteger();

    private SmartHttpServer(Path projectRoot, String user, String password, String bearerToken) throws IOException {
        this.projectRoot = projectRoot;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.bearer = "Bearer " + bearerToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static SmartHttpServer serve(Path projectRoot, String user, String password, String bearerToken)
            throws IOException {
        return new SmartHttpServer(projectRoot, user, password, bearerToken);
    }

    String url(String repository) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!basic.equals(authorization) && !bearer.equals(authorization)) {
                unauthorized.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
            GitCli.isolate(builder);
            Map<String, String> env = builder.environment();
            env.put("GIT_PROJECT_ROOT", projectRoot.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("PATH_INFO", exchange.getRequestURI().getPath());
            env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
            env.put("REMOTE_USER", "publisher");
            env.put("REMOTE_ADDR", "127.0.0.1");
            env.put("SERVER_PROTOCOL", "HTTP/1.1");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                env.put("CONTENT_TYPE", contentType);
            }
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
            if (protocol != null) {
                env.put("GIT_PROTOCOL", protocol);
            }
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            Thread feeder = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(body);
                } catch (IOException ignored) {
                    // The backend stopped reading; its exit status tells.
                }
            });
            feeder.start();
            try (InputStream out = process.getInputStream()) {
                int status = 200;
                for (String line = readLine(out); line != null && !line.isEmpty(); line = readLine(out)) {
                    int colon = line.indexOf(':');
                    String name = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Status")) {
                        status = Integer.parseInt(value.split(" ")[0]);
                    } else {
                        exchange.getResponseHeaders().add(name, value);
                    }
                }
                exchange.sendResponseHeaders(status, 0);
                try (OutputStream response = exchange.getResponseBody()) {
                    out.transferTo(response);
                }
            }
            process.waitFor();
            feeder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return c < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
