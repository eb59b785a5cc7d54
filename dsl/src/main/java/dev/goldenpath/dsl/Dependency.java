package dev.goldenpath.dsl;

import java.util.List;

/** What an app opens connections to. */
public sealed interface Dependency permits Dependency.App, Dependency.External {

    /**
     * Another app of the platform, in the same environment.
     *
     * @param app   the callee's name
     * @param ports the callee's port numbers; empty means all of them
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
     * @param ports    TCP ports; empty means all ports
     */
    record External(String cidr, List<String> except, List<Integer> ports) implements Dependency {
        public External {
            except = Copies.list(except);
            ports = Copies.list(ports);
        }

        /** The same block without these sub-ranges. */
        public External except(String... cidrs) {
            java.util.ArrayList<String> more = new java.util.ArrayList<>(except == null ? List.of() : except);
            Copies.addAll(more, cidrs);
            return new External(cidr, more, ports);
        }

        /** The same block, limited to these TCP ports. */
        public External ports(int... numbers) {
            return new External(cidr, except, Copies.boxed(numbers));
        }
    }
}
