package dev.goldenpath.dsl;

/**
 * Requests and limits for the application's container. Every container gets both: without requests the
 * scheduler cannot place pods fairly, without limits one pod can starve a node (NSA/CISA hardening guide,
 * "resource policies").
 */
public record Resources(Requests requests, Limits limits) {

    /** The defaults of an app that declares nothing: small, and memory limited to its request. */
    public static final Resources DEFAULT =
            new Resources(new Requests("100m", "128Mi"), new Limits("500m", "128Mi"));

}
