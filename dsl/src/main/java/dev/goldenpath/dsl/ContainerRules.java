package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Capabilities;
import java.util.HashSet;
import java.util.Set;

/**
 * The app's container: environment variable names, the folders it may write to (the root filesystem is read-only),
 * and Linux capabilities (PSS restricted adds only NET_BIND_SERVICE).
 */
record ContainerRules(Problems problems) {

    void env(App app, FieldPath path) {
        env(app.container(), path);
    }

    /** The variables of one container of the pod (the main one, a sidecar, an init container). */
    void env(Container container, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (EnvVar variable : container.env()) {
            FieldPath envPath = path.field("env").key(variable.name());
            if (!Names.ENV_VAR_NAME.matcher(variable.name()).matches()) {
                problems.add(ViolationCode.ENV_NAME_INVALID, envPath, variable.name(),
                        "an environment variable name may hold letters, digits, '_', '-' and '.', not starting with a digit",
                        "use e.g. LOG_LEVEL");
            }
            if (!names.add(variable.name())) {
                problems.add(ViolationCode.ENV_DUPLICATE,
                        envPath, variable.name(), "the variable is set twice", "set it once");
            }
        }
    }

    /** Each writable path becomes an emptyDir mount: a normalized absolute folder, once, with a size limit. */
    void writablePaths(App app, FieldPath path) {
        writablePaths(app.container(), path);
    }

    /** The writable paths of one container of the pod: each container's are its own emptyDirs. */
    void writablePaths(Container container, FieldPath path) {
        Set<String> seen = new HashSet<>();
        for (WritablePath writable : container.writablePaths()) {
            String p = writable.path();
            FieldPath writablePath = path.field("writablePaths").key(p);
            if (!MountPaths.normalizedAbsolute(p)) {
                problems.add(ViolationCode.CONTAINER_WRITABLE_PATH_INVALID,
                        writablePath, p, "a writable path must be an absolute, normalized folder other than '/'",
                        "use e.g. '/tmp' or '/var/cache/app'");
            }
            if (!seen.add(p)) {
                problems.add(ViolationCode.CONTAINER_WRITABLE_PATH_DUPLICATE,
                        writablePath, p, "the path is declared twice", "declare it once");
            }
            new ResourceRules(problems).quantity(writablePath.field("sizeLimit"), writable.sizeLimit(), "1Gi");
            AmountRules.size(problems, writablePath.field("sizeLimit"), writable.sizeLimit());
        }
    }

    /**
     * PSS restricted: capabilities are dropped (ALL) and only NET_BIND_SERVICE may be added back, in every container of
     * the pod; the app's ADDED_CAPABILITIES weakening allows more in any container that adds them.
     */
    void capabilities(App app, FieldPath path) {
        boolean beyondRestricted = capabilities(app, app.container(), path);
        for (NamedContainer companion : app.companions().sidecars()) {
            beyondRestricted |= capabilities(app, companion.container(), CompanionRules.sidecarPath(path, companion));
        }
        for (NamedContainer companion : app.companions().initContainers()) {
            beyondRestricted |= capabilities(app, companion.container(), CompanionRules.initContainerPath(path, companion));
        }
        unusedWeakenings(app, path, beyondRestricted);
    }

    /** The capabilities one container adds; whether any goes beyond what PSS restricted allows. */
    private boolean capabilities(App app, Container container, FieldPath path) {
        Set<String> seen = new HashSet<>();
        boolean beyondRestricted = false;
        for (String capability : container.addedCapabilities()) {
            FieldPath capPath = path.field("addedCapabilities").key(capability);
            if (!Names.CAPABILITY.matcher(capability).matches() || capability.startsWith("CAP_") || capability.equals("ALL")) {
                problems.add(ViolationCode.CONTAINER_CAPABILITY_INVALID,
                        capPath, capability, "a capability is named without 'CAP_' in upper case, and never ALL",
                        "use e.g. NET_BIND_SERVICE");
                beyondRestricted = true;
                continue;
            }
            if (!seen.add(capability)) {
                problems.add(ViolationCode.CONTAINER_CAPABILITY_DUPLICATE,
                        capPath, capability, "the capability is added twice", "add it once");
            }
            if (!capability.equals(Capabilities.PSS_RESTRICTED_ADDABLE)) {
                beyondRestricted = true;
                if (!app.weakens(Weakening.ADDED_CAPABILITIES)) {
                    problems.add(ViolationCode.CONTAINER_CAPABILITY_NOT_ALLOWED,
                            capPath, capability, "PSS restricted allows adding only NET_BIND_SERVICE",
                            "drop the capability, or declare .weaken(ADDED_CAPABILITIES, \"<reason>\")");
                }
            }
        }
        return beyondRestricted;
    }

    private void unusedWeakenings(App app, FieldPath path, boolean beyondRestricted) {
        if (!beyondRestricted && app.weakens(Weakening.ADDED_CAPABILITIES)) {
            problems.add(ViolationCode.WEAKENING_UNUSED,
                    path.weakening(Weakening.ADDED_CAPABILITIES), "ADDED_CAPABILITIES",
                    "the app adds no capability beyond NET_BIND_SERVICE, so the weakening is unused",
                    "remove .weaken(ADDED_CAPABILITIES, ...)");
        }
        if (app.weakens(Weakening.HOST_PORTS) && app.ports().stream().noneMatch(p -> p.hostPort() != 0)) {
            problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(Weakening.HOST_PORTS), "HOST_PORTS",
                    "no port has a host port, so the weakening is unused", "remove .weaken(HOST_PORTS, ...)");
        }
    }
}
