package dev.goldenpath.dsl;

import java.util.List;

/**
 * The network edges an app declares: who may call it, what it calls, and whether it resolves names. Everything else
 * is denied; each edge renders both ends.
 *
 * @param callers      who may open connections to the app
 * @param dependencies what the app opens connections to
 * @param dnsEgress    whether the app may query the cluster DNS
 */
public record Traffic(List<Caller> callers, List<Dependency> dependencies, boolean dnsEgress) {

    public Traffic {
        callers = Copies.list(callers);
        dependencies = Copies.list(dependencies);
    }
}
