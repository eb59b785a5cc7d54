package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What runs in an app's container: the image, how it is started, what it listens on, what it needs and how Kubernetes
 * sees that it works. Every container goldenpath renders gets the same hardening from these values.
 *
 * @param image             the image, with a tag and/or a digest
 * @param ports             the ports it listens on; the first one is the app's main port
 * @param resources         its requests and limits
 * @param env               plain environment variables
 * @param command           the entrypoint replacing the image's; empty keeps the image's
 * @param args              the arguments replacing the image's; empty keeps the image's
 * @param liveness          the liveness probe; empty means a TCP check of the first port
 * @param readiness         the readiness probe; empty means a TCP check of the first port
 * @param startup           the startup probe; empty means none
 * @param writablePaths     folders it may write to (size-limited emptyDirs; the root filesystem is read-only)
 * @param runAsUser         the uid; empty means {@link App#DEFAULT_USER}
 * @param runAsGroup        the primary gid; empty means the uid
 * @param addedCapabilities Linux capabilities added after dropping all
 */
public record Container(String image, List<Port> ports, Resources resources, List<EnvVar> env, List<String> command,
                        List<String> args, Optional<Probe> liveness, Optional<Probe> readiness, Optional<Probe> startup,
                        List<WritablePath> writablePaths, OptionalLong runAsUser, OptionalLong runAsGroup,
                        List<String> addedCapabilities) {

    public Container {
        ports = Copies.list(ports);
        env = Copies.list(env);
        command = Copies.list(command);
        args = Copies.list(args);
        writablePaths = Copies.list(writablePaths);
        addedCapabilities = Copies.list(addedCapabilities);
    }

    /**
     * Builds a {@link Container}: the main container of every workload, and each init container and sidecar
     * ({@code GoldenPath.container(name)}). Nothing is checked here: the platform validates every container with the
     * same rules (pinned image, requests and limits, probes, hardening).
     */
    public static final class Builder {
        private final String name;
        private String image = "";
        private final List<Port> ports = new ArrayList<>();
        private Resources resources = Resources.DEFAULT;
        private final List<EnvVar> env = new ArrayList<>();
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Optional<Probe> liveness = Optional.empty();
        private Optional<Probe> readiness = Optional.empty();
        private Optional<Probe> startup = Optional.empty();
        private final List<WritablePath> writablePaths = new ArrayList<>();
        private OptionalLong runAsUser = OptionalLong.empty();
        private OptionalLong runAsGroup = OptionalLong.empty();
        private final List<String> addedCapabilities = new ArrayList<>();
        private boolean resourcesDeclared;
        private final List<String> secrets = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        /** The container's name (the app's name for an app's main container). */
        public String name() {
            return name;
        }

        /** The image, with a tag and/or a {@code @sha256:} digest; {@code :latest} and untagged are refused. */
        public Builder image(String reference) {
            this.image = reference;
            return this;
        }

        /** A TCP port named {@code http} (the first one) or {@code port-<number>}. */
        public Builder port(int number) {
            return port(ports.isEmpty() ? "http" : "port-" + number, number);
        }

        /** A named TCP port. */
        public Builder port(String portName, int number) {
            return port(new Port(portName, number, Protocol.TCP, 0));
        }

        /** A port as built by {@code GoldenPath.port(..)}. */
        public Builder port(Port port) {
            ports.add(port);
            return this;
        }

        public Builder resources(Requests requests, Limits limits) {
            this.resources = new Resources(requests, limits);
            this.resourcesDeclared = true;
            return this;
        }

        /** A plain environment variable; keep secrets out of here. */
        public Builder env(String variable, String value) {
            env.add(new EnvVar(variable, value));
            return this;
        }

        /** Replaces the image's entrypoint. */
        public Builder command(String... words) {
            this.command = Copies.list(words);
            return this;
        }

        /** Replaces the image's arguments. */
        public Builder args(String... words) {
            this.args = Copies.list(words);
            return this;
        }

        /** The liveness probe. */
        public Builder liveness(Probe probe) {
            this.liveness = Copies.optional(probe);
            return this;
        }

        /** The readiness probe. */
        public Builder readiness(Probe probe) {
            this.readiness = Copies.optional(probe);
            return this;
        }

        /** A startup probe for slow starters; none by default. */
        public Builder startup(Probe probe) {
            this.startup = Copies.optional(probe);
            return this;
        }

        /** A folder the container may write to, a size-limited emptyDir ({@value WritablePath#DEFAULT_SIZE_LIMIT}). */
        public Builder writablePath(String path) {
            return writablePath(path, WritablePath.DEFAULT_SIZE_LIMIT);
        }

        public Builder writablePath(String path, String sizeLimit) {
            writablePaths.add(new WritablePath(path, sizeLimit));
            return this;
        }

        /** The uid the container runs as (default {@value App#DEFAULT_USER}); 0 needs {@link Weakening#RUN_AS_ROOT}. */
        public Builder runAsUser(long uid) {
            this.runAsUser = OptionalLong.of(uid);
            return this;
        }

        /** The primary gid (default: the uid). */
        public Builder runAsGroup(long gid) {
            this.runAsGroup = OptionalLong.of(gid);
            return this;
        }

        /**
         * Adds Linux capabilities. {@code NET_BIND_SERVICE} is allowed by PSS restricted; anything else needs
         * {@link Weakening#ADDED_CAPABILITIES}.
         */
        public Builder addCapabilities(String... capabilities) {
            Copies.addAll(addedCapabilities, capabilities);
            return this;
        }

        /**
         * Gives this init container or sidecar the app's secrets of these names, as the main container gets them
         * (mounted where the secret says, read into its variables). Without it a companion gets none of the app's
         * secrets: a log shipper has no business with the database password.
         */
        public Builder secrets(String... secretNames) {
            Copies.addAll(secrets, secretNames);
            return this;
        }

        /** The app's secrets this container is given. */
        List<String> secrets() {
            return secrets;
        }

        /** Whether {@link #resources} was called: an init container or sidecar must say what it needs. */
        boolean resourcesDeclared() {
            return resourcesDeclared;
        }

        public Container build() {
            return new Container(image, ports, resources, env, command, args, liveness, readiness, startup,
                    writablePaths, runAsUser, runAsGroup, addedCapabilities);
        }
    }
}
