package dev.goldenpath.dsl;

import java.util.Map;

/**
 * The platform's Gateway API Gateway of an environment, which exposed apps' HTTPRoutes attach to. The platform owns
 * the Gateway, its HTTPS listener and the listener's certificate (the private key stays in the gateway's namespace,
 * out of every app namespace); goldenpath renders only the routes, and the NetworkPolicy ingress from the gateway's
 * pods to each exposed port.
 *
 * <pre>{@code
 * environment("production").gateway(gateway("gateways", "public"))
 * environment("production").gateway(gateway("gateways", "public").listener("websecure")
 *     .pods("envoy-gateway-system", Map.of("gateway.envoyproxy.io/owning-gateway-name", "public")))
 * }</pre>
 *
 * @param namespace the Gateway's namespace
 * @param name      the Gateway's name
 * @param listener  the name of its HTTPS listener routes attach to (the parentRef's {@code sectionName}); default
 *                  {@code https}
 * @param pods      where the gateway's data-plane pods run and their labels: the NetworkPolicy peer; default the
 *                  Gateway's namespace and {@code gateway.networking.k8s.io/gateway-name: <name>} (the label
 *                  implementations that deploy a Gateway in its own namespace put on its pods)
 */
public record Gateway(String namespace, String name, String listener, Network.Peer pods) {

    /** The listener routes attach to unless the platform names another. */
    public static final String DEFAULT_LISTENER = "https";

    /** The label Gateway API implementations put on the pods they deploy for a Gateway (GEP-1762). */
    public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    /** The Gateway with its default listener and pods. */
    static Gateway of(String namespace, String name) {
        return new Gateway(namespace, name, DEFAULT_LISTENER,
                new Network.Peer(namespace, name == null ? null : Map.of(GATEWAY_NAME_LABEL, name)));
    }

    /** Routes attach to this HTTPS listener of the Gateway (its {@code sectionName}). */
    public Gateway listener(String listenerName) {
        return new Gateway(namespace, name, listenerName, pods);
    }

    /** The gateway's pods run in this namespace with these labels (when the implementation deploys them elsewhere). */
    public Gateway pods(String podNamespace, Map<String, String> podLabels) {
        return new Gateway(namespace, name, listener, new Network.Peer(podNamespace, podLabels));
    }
}
