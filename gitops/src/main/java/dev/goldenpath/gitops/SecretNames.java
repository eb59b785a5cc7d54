package dev.goldenpath.gitops;

import java.util.List;
import java.util.Locale;

/**
 * Whether a variable name says it holds a secret. One rule, shared by the platform's render-time checks
 * (keep them identical): lower-case the name, drop {@code -}, {@code _} and {@code .}, then look for
 * password, passwd, pwd, secret, token, apikey, privatekey, credential, accesskey, clientsecret,
 * connectionstring, or auth directly followed by key or token.
 */
final class SecretNames {

    private static final List<String> WORDS = List.of("password", "passwd", "pwd", "secret", "token", "apikey",
            "privatekey", "credential", "accesskey", "clientsecret", "connectionstring", "authkey", "authtoken");

    private SecretNames() {
    }

    static boolean looksSecret(String name) {
        StringBuilder normalized = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '-' && c != '_' && c != '.') {
                normalized.append(c);
            }
        }
        String text = normalized.toString();
        for (String word : WORDS) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
