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
                        .team("webb")                                           // no such team
                        .image("registry.example.com/web/storefront:latest")    // not a version
                        .port(80800))                                           // not a port
                .build();
    }
}
