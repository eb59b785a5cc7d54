package dev.goldenpath.gitops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code git daemon} of the installed git, on loopback, serving every repository below a folder, push enabled. */
final class GitDaemon implements AutoCloseable {

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GitDaemon serve(Path base) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(List.of("git", "daemon", "--reuseaddr",
                    "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base, "--export-all",
                    "--enable=receive-pack", "--informative-errors", "--max-connections=64", base.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("git-daemon-" + port + ".log").toFile());
            GitCli.isolate(builder);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new GitDaemon(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            if (attempt == 3) {
                throw new IOException("git daemon did not start");
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
