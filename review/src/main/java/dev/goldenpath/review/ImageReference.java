package dev.goldenpath.review;

/**
 * A container image reference split as the container runtime reads it: {@code registry/repository:tag@digest}. A
 * first path component is a registry when it holds a '.' or a ':' or is {@code localhost}; otherwise the image comes
 * from Docker Hub (docker/distribution reference.ParseNormalizedNamed).
 */
record ImageReference(String registry, String repository, String tag, String digest) {

    static ImageReference parse(String reference) {
        String rest = reference;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    boolean pinned() {
        return !digest.isEmpty();
    }
}
