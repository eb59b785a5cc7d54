package dev.goldenpath.reachability;

import java.util.List;
import java.util.Map;

/** What rules need from the cluster around them while matching peers. */
interface Lookup {

    /** The labels of a declared namespace, including {@code kubernetes.io/metadata.name}. */
    Map<String, String> namespaceLabels(String namespace);

    /** The endpoint's IPs, parsed. */
    List<IpAddress> addresses(Endpoint endpoint);
}
