package dev.goldenpath.dsl;

import java.util.List;

/** What an app opens connections to. */
public sealed interface Dependency permits Dependency.App, Dependency.External {

    /**
     * Another app of the platform, in the same environment.
     *
     * @param app   the callee's name
     * @param ports the callee's port numbers; empty means all of them (only {@code calls(app, allPorts())} says so)
     */
    record App(String app, List<Integer> ports) implements Dependency {
        public App {
            ports = Copies.list(ports);
        }
    }

    /**
     * Addresses outside the cluster.
     *
     * @param cidr     an IPv4 or IPv6 CIDR
     * @param except   CIDRs inside {@code cidr} that stay forbidden
     * @param ports    TCP ports; empty means all ports (only {@code cidr(..).allPorts()} says so)
     */
    record External(String cidr, List<String> except, List<Integer> ports) implements Dependency {
        public External {
            except = Copies.list(except);
            ports = Copies.list(ports);
        }
    }

    /**
     * Addresses outside the cluster whose ports are still to be said: {@code cidr("203.0.113.0/24").ports(443)}, or
     * {@code .allPorts()} for every port. Only what those two return can be passed to {@code callsExternal(..)}.
     *
     * @param cidr   an IPv4 or IPv6 CIDR
     * @param except CIDRs inside {@code cidr} that stay forbidden
     */
    record Cidr(String cidr, List<String> except) {
        public Cidr {
            except = Copies.list(except);
        }

        /** The same block without these sub-ranges. */
        public Cidr except(String... cidrs) {
            java.util.ArrayList<String> more = new java.util.ArrayList<>(except == null ? List.of() : except);
            Copies.addAll(more, cidrs);
            return new Cidr(cidr, more);
        }

        /** The block on these TCP ports. */
        public External ports(int port, int... morePorts) {
            return new External(cidr, except, Copies.ports(port, morePorts));
        }

        /** The block on every port. */
        public External allPorts() {
            return new External(cidr, except, List.of());
        }
    }
}
