package dev.goldenpath.dsl;

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
}
