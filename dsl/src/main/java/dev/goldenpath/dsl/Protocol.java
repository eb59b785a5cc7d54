package dev.goldenpath.dsl;

/** The transport protocol of a port, as Kubernetes names it. */
public enum Protocol {
    TCP, UDP, SCTP
}
