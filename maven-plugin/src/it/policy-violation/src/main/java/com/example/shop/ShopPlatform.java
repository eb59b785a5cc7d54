package com.example.shop;

import static dev.goldenpath.dsl.GoldenPath.*;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

public final class ShopPlatform implements PlatformSpec {

    @Override
    public Platform build() {
        return platform("shop")
                .gitRepository("https://git.example.com/shop/gitops.git")
                .environment(environment("production").cluster("https://kubernetes.default.svc").apiServer(6443, "10.20.0.10/32"))
                .team(team("web").owner("web@shop.example"))
                .app(app("storefront")
                        .team("web")
                        .image("registry.example.com/web/storefront:1.0.0")
                        // Valid for the DSL (a version tag); the platform's policy here also requires digests.
                        .port(8080))
                .build();
    }
}
