package dev.goldenpath.dsl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The URLs of servers the platform talks to (cluster API servers, secret stores, OIDC issuers): https only. */
final class Urls {

    private Urls() {
    }

    /** Why the URL is not an absolute https URL with a host, a valid port and no credentials, query or fragment. */
    static Optional<String> https(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme())) {
                return Optional.of("the URL must start with https://");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of("the URL has no valid host name");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("the URL must not hold credentials");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                return Optional.of("the port must be from 1 to 65535");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of("the URL must not have a query or fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
    }
}
