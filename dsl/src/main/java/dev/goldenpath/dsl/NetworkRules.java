package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Cidr;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network edges of the spec: callers and callees that exist and expose the ports named, external blocks that are
 * real CIDRs (the API server refuses a NetworkPolicy with an impossible one), the API server's own address, and no
 * egress to the whole internet without a declared weakening.
 */
record NetworkRules(Platform platform, Problems problems) {

    /** Where each environment's API server is (the egress target of apps with permissions). */
    void environments() {
        for (Environment environment : platform.environments()) {
            FieldPath path = FieldPath.environment(environment.name()).field("apiServer");
            port(path.field("port"), environment.apiServerPort(), "6443");
            Set<String> seen = new HashSet<>();
            for (String cidr : environment.apiServerCidrs()) {
                Optional<Cidr> block = block(cidr);
                if (block.isEmpty()) {
                    problems.add(ViolationCode.NETWORK_CIDR_INVALID,
                            path.field("cidrs"), cidr, "not a CIDR block with zero host bits (IPv4 prefix 0-32, IPv6 0-128)",
                            "use the endpoints' addresses, e.g. 10.0.0.10/32 or 2001:db8::10/128");
                } else if (block.get().everyAddress()) {
                    problems.add(ViolationCode.NETWORK_API_SERVER_EVERY_ADDRESS,
                            path.field("cidrs"), cidr, "a /0 block is every address, not the API server",
                            "use the endpoints' addresses, e.g. 10.0.0.10/32");
                }
                if (!seen.add(cidr)) {
                    problems.add(ViolationCode.NETWORK_CIDR_DUPLICATE,
                            path.field("cidrs"), cidr, "the block is listed twice", "list it once");
                }
            }
        }
    }

    /** One app's callers and dependencies. */
    void app(App app, FieldPath path) {
        callers(app, path);
        for (Dependency dependency : app.traffic().dependencies()) {
            if (dependency instanceof Dependency.App other) {
                callee(app, other, path.field("calls").key(other.app()));
            } else if (dependency instanceof Dependency.External external) {
                external(app, external, path.field("callsExternal").key(external.cidr()));
            }
        }
        unusedWeakening(app, path);
    }

    private void callers(App app, FieldPath path) {
        Set<Integer> ownPorts = new HashSet<>();
        app.ports().forEach(p -> ownPorts.add(p.number()));
        for (Caller caller : app.traffic().callers()) {
            FieldPath cPath;
            if (caller instanceof Caller.App other) {
                cPath = path.field("calledBy").key(other.app());
                if (platform.app(other.app()).isEmpty()) {
                    problems.add(ViolationCode.APP_UNKNOWN,
                            cPath, other.app(), "unknown app", "declare the app or use one of " + appNames());
                }
            } else if (caller instanceof Caller.Namespace namespace) {
                cPath = path.field("calledByNamespace").key(namespace.namespace());
                String problem = Names.dns1123Label(namespace.namespace());
                if (problem != null) {
                    problems.add(ViolationCode.NAMESPACE_INVALID,
                            cPath, namespace.namespace(), problem, "use e.g. 'monitoring'");
                }
            } else {
                cPath = path.field("calledByIngressController");
            }
            for (int port : caller.ports()) {
                if (!ownPorts.contains(port)) {
                    problems.add(ViolationCode.PORT_NOT_EXPOSED,
                            cPath.field("ports"), port, "the app does not expose this port",
                            "use one of " + ownPorts.stream().sorted().toList() + " or declare the port");
                }
            }
            duplicates(cPath.field("ports"), caller.ports());
            if (caller.ports().isEmpty() && app.ports().isEmpty()) {
                problems.add(ViolationCode.PORT_NONE_EXPOSED,
                        cPath, "all ports", "the app exposes no port, so nothing can call it", "declare a port");
            }
        }
    }

    private void callee(App app, Dependency.App other, FieldPath path) {
        Optional<App> callee = platform.app(other.app());
        if (callee.isEmpty()) {
            problems.add(ViolationCode.APP_UNKNOWN,
                    path, other.app(), "unknown app", "declare the app or use one of " + appNames());
            return;
        }
        if (WorkloadKindRules.takesNoConnections(callee.get())) {
            return; // WorkloadKindRules says why nothing calls a worker or a scheduled job
        }
        Set<Integer> calleePorts = new HashSet<>();
        callee.get().ports().forEach(p -> calleePorts.add(p.number()));
        for (int port : other.ports()) {
            if (!calleePorts.contains(port)) {
                problems.add(ViolationCode.PORT_NOT_EXPOSED,
                        path.field("ports"), port, other.app() + " does not expose this port",
                        "use one of " + calleePorts.stream().sorted().toList());
            }
        }
        duplicates(path.field("ports"), other.ports());
        if (calleePorts.isEmpty()) {
            problems.add(ViolationCode.PORT_NONE_EXPOSED,
                    path, other.app(), other.app() + " exposes no port, so it cannot be called",
                    "declare a port on " + other.app());
        }
        for (Environment environment : platform.environments()) {
            if (Instances.deployedIn(app, environment) && !Instances.deployedIn(callee.get(), environment)) {
                problems.add(ViolationCode.NETWORK_CALLEE_NOT_DEPLOYED,
                        path, other.app(), other.app() + " is not deployed in " + environment.name()
                        + ", where this app runs", "deploy it there too, or limit this app with onlyIn(...)");
            }
        }
    }

    private void external(App app, Dependency.External external, FieldPath path) {
        Optional<Cidr> block = block(external.cidr());
        if (block.isEmpty()) {
            problems.add(ViolationCode.NETWORK_CIDR_INVALID,
                    path, external.cidr(), "not a CIDR block with zero host bits (IPv4 prefix 0-32, IPv6 0-128)",
                    "use e.g. 203.0.113.0/24 or 2001:db8::/32");
        }
        for (String except : external.except()) {
            Optional<Cidr> hole = block(except);
            // NetworkPolicy ipBlock: "except" entries must be strictly inside cidr, or the API server refuses the policy.
            if (hole.isEmpty() || block.isPresent() && !block.get().contains(hole.get())
                    || block.isPresent() && hole.get().prefix() == block.get().prefix()) {
                problems.add(ViolationCode.NETWORK_EXCEPT_OUTSIDE_BLOCK,
                        path.field("except"), except, "an except block must be a CIDR strictly inside "
                        + external.cidr(), "use a smaller block inside it");
            }
        }
        for (int port : external.ports()) {
            port(path.field("ports"), port, "443");
        }
        duplicates(path.field("ports"), external.ports());
        boolean anywhere = block.filter(Cidr::everyAddress).isPresent() && external.ports().isEmpty();
        if (anywhere && !app.weakens(Weakening.EGRESS_TO_ANYWHERE)) {
            problems.add(ViolationCode.NETWORK_EGRESS_ANYWHERE,
                    path, external.cidr(), "egress to every address on every port lets a compromised pod reach "
                            + "anything and exfiltrate anywhere (NSA/CISA hardening guide: network separation)",
                    "name the blocks and ports the app needs, e.g. cidr(\"203.0.113.0/24\").ports(443), or declare "
                            + ".weaken(EGRESS_TO_ANYWHERE, \"<reason>\")");
        }
    }

    /** The weakening that allows egress anywhere, reported when no dependency needs it. */
    private void unusedWeakening(App app, FieldPath path) {
        boolean needed = app.traffic().dependencies().stream().anyMatch(d -> d instanceof Dependency.External e && e.ports().isEmpty()
                && block(e.cidr()).filter(Cidr::everyAddress).isPresent());
        if (!needed && app.weakens(Weakening.EGRESS_TO_ANYWHERE)) {
            problems.add(ViolationCode.WEAKENING_UNUSED,
                    path.weakening(Weakening.EGRESS_TO_ANYWHERE), "EGRESS_TO_ANYWHERE",
                    "no dependency is a /0 block on all ports, so the weakening is unused", "remove it");
        }
    }

    private void port(FieldPath path, int port, String example) {
        if (port < 1 || port > 65535) {
            problems.add(ViolationCode.PORT_NUMBER_OUT_OF_RANGE,
                    path, port, "a port number must be from 1 to 65535", "use e.g. " + example);
        }
    }

    private void duplicates(FieldPath path, List<Integer> ports) {
        Set<Integer> seen = new HashSet<>();
        for (int port : ports) {
            if (!seen.add(port)) {
                problems.add(ViolationCode.PORT_DUPLICATE, path, port, "the port is listed twice", "list it once");
            }
        }
    }

    private List<String> appNames() {
        return platform.apps().stream().map(App::name).sorted().toList();
    }

    /** A block as a spec must write it: a CIDR with the host bits zero (a NetworkPolicy would silently ignore them). */
    private static Optional<Cidr> block(String text) {
        return Cidr.parse(text).filter(Cidr::canonical);
    }
}
