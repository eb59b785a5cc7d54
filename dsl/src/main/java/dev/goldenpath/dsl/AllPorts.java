package dev.goldenpath.dsl;

/**
 * Every port of an edge's far end, said out loud: {@code calledByNamespace("monitoring", allPorts())}. An edge never
 * means "all ports" by leaving the ports out; the wider grant has to be written, and reads as one in review.
 */
public enum AllPorts {
    /** The one value, from {@code GoldenPath.allPorts()}. */
    ALL_PORTS
}
