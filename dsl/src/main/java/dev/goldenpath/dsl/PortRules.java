package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.Set;

/**
 * An app's ports: IANA service names, numbers from 1 to 65535, each port and protocol once, and no host port
 * unless declared (PSS baseline: HostPorts). A sidecar's ports are ports of the app's pod: names and numbers are unique
 * across the main container and every sidecar (a Service port and a NetworkPolicy name one port of the pod).
 */
record PortRules(Problems problems) {

    void app(App app, FieldPath path) {
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        container(app, app.container(), path, names, numbers);
        for (NamedContainer sidecar : app.companions().sidecars()) {
            container(app, sidecar.container(), CompanionRules.sidecarPath(path, sidecar), names, numbers);
        }
    }

    private void container(App app, Container container, FieldPath path, Set<String> names, Set<String> numbers) {
        for (Port port : container.ports()) {
            FieldPath portPath = path.field("ports").key(port.name());
            problems.addIf(ViolationCode.PORT_NAME_INVALID,
                    portPath.field("name"), port.name(), Names.portName(port.name()), "use e.g. 'http' or 'grpc'");
            if (!names.add(port.name())) {
                problems.add(ViolationCode.PORT_NAME_DUPLICATE,
                        portPath.field("name"), port.name(), "port names must be unique in an app",
                        "rename one of the ports");
            }
            if (port.number() < 1 || port.number() > 65535) {
                problems.add(ViolationCode.PORT_NUMBER_OUT_OF_RANGE,
                        portPath.field("number"), port.number(), "a port number must be from 1 to 65535",
                        "use the port the app listens on");
            } else if (!numbers.add(port.number() + "/" + port.protocol())) {
                problems.add(ViolationCode.PORT_DUPLICATE,
                        portPath.field("number"), port.number(), "the same port and protocol is declared twice",
                        "declare each port once");
            }
            if (port.hostPort() != 0) {
                hostPort(app, port, portPath.field("hostPort"));
            }
        }
    }

    private void hostPort(App app, Port port, FieldPath path) {
        if (port.hostPort() < 1 || port.hostPort() > 65535) {
            problems.add(ViolationCode.PORT_HOST_PORT_OUT_OF_RANGE,
                    path, port.hostPort(), "a host port must be from 1 to 65535", "remove the host port");
        } else if (!app.weakens(Weakening.HOST_PORTS)) {
            problems.add(ViolationCode.PORT_HOST_PORT, path, port.hostPort(),
                    "host ports bypass network policies and pin pods to nodes (PSS baseline: HostPorts)",
                    "expose the app through its Service instead, or declare .weaken(HOST_PORTS, \"<reason>\")");
        }
    }
}
