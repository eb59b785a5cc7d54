package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One end of a connection: a {@link Pod} inside the cluster, or an {@link External} address outside it.
 * Every endpoint has an {@link #id()} that is unique within a {@link Reachability}; edges refer to
 * endpoints by it.
 *
 * <pre>{@code
 * Pod frontend = Endpoint.pod("production", "frontend", Map.of("app.kubernetes.io/name", "frontend"))
 *     .ip("10.0.0.5")
 *     .port("http", 8080, Protocol.TCP);
 * External upstream = Endpoint.external("203.0.113.7").port(443, Protocol.TCP);
 * }</pre>
 */
public sealed interface Endpoint permits Pod, External {

    /** {@code namespace/name} for a pod, the endpoint's name for an external address. */
    String id();

    /** The IP addresses that ipBlock peers are matched against. */
    List<String> ips();

    /** The ports this endpoint listens on: destinations for {@link Reachability#allowedEdges()}. */
    List<Port> ports();

    /** A pod with labels and, so far, no IP and no ports. */
    static Pod pod(String namespace, String name, Map<String, String> labels) {
        return new Pod(namespace, name, labels, List.of(), List.of());
    }

    /**
     * A pod read from a fabric8 Pod: namespace, name and labels from its metadata, IPs from
     * {@code status.podIPs} (or {@code status.podIP}), ports from its containers and init containers.
     */
    static Pod pod(io.fabric8.kubernetes.api.model.Pod pod) {
        ObjectMeta metadata = Objects.requireNonNull(pod.getMetadata(), "pod metadata");
        Set<String> ips = new LinkedHashSet<>();
        PodStatus status = pod.getStatus();
        if (status != null) {
            if (status.getPodIPs() != null) {
                status.getPodIPs().stream().map(PodIP::getIp).filter(Objects::nonNull).forEach(ips::add);
            }
            if (status.getPodIP() != null) {
                ips.add(status.getPodIP());
            }
        }
        return new Pod(metadata.getNamespace(), metadata.getName(), labels(metadata), List.copyOf(ips),
                ports(pod.getSpec()));
    }

    /**
     * A pod as a workload's pod template would create it, e.g. from a Deployment's
     * {@code spec.template}: labels from the template, ports from its containers, no IP.
     */
    static Pod pod(String namespace, String name, PodTemplateSpec template) {
        ObjectMeta metadata = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        return new Pod(namespace, name, labels(metadata), List.of(), ports(template.getSpec()));
    }

    /** An address outside the cluster, named by its IP. */
    static External external(String ip) {
        return new External(ip, ip, List.of());
    }

    private static Map<String, String> labels(ObjectMeta metadata) {
        return metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    private static List<Port> ports(PodSpec spec) {
        List<Port> ports = new ArrayList<>();
        if (spec == null) {
            return ports;
        }
        List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            containers.addAll(spec.getInitContainers());
        }
        if (spec.getContainers() != null) {
            containers.addAll(spec.getContainers());
        }
        for (io.fabric8.kubernetes.api.model.Container container : containers) {
            if (container.getPorts() == null) {
                continue;
            }
            for (ContainerPort port : container.getPorts()) {
                ports.add(new Port(port.getName() == null ? "" : port.getName(),
                        port.getContainerPort() == null ? 0 : port.getContainerPort(),
                        Protocol.of(port.getProtocol())));
            }
        }
        return ports;
    }
}
