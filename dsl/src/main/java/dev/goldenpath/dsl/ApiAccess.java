package dev.goldenpath.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What an app may do in the Kubernetes API. Without permissions it gets no Role and no mounted token.
 *
 * @param permissions what the app's Role grants
 * @param roleName    the Role's name, when it is not the app's
 */
public record ApiAccess(List<Permission> permissions, Optional<String> roleName) {

    public ApiAccess {
        permissions = Copies.list(permissions);
    }
}
