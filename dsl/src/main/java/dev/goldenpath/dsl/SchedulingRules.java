package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;

/** Where the app's pods may run: the RuntimeClass, the node selector and the taints they tolerate. */
record SchedulingRules(Platform platform, Problems problems) {

    void app(App app, FieldPath path) {
        app.scheduling().runtimeClassName().ifPresent(rc -> {
            if (!NameSyntax.isDns1123Subdomain(rc)) {
                problems.add(ViolationCode.SCHEDULING_RUNTIME_CLASS_INVALID,
                        path.field("runtimeClassName"), rc, "a RuntimeClass name must be a DNS-1123 subdomain",
                        "use the name of a RuntimeClass of the cluster, e.g. 'wasmtime-spin'");
            }
        });
        new MetadataRules(platform, problems).labels(path.field("nodeSelector"), app.scheduling().nodeSelector());
        for (int i = 0; i < app.scheduling().tolerations().size(); i++) {
            toleration(app.scheduling().tolerations().get(i), path.field("tolerations").index(i));
        }
    }

    private void toleration(Toleration t, FieldPath path) {
        if (!t.key().isEmpty() && Names.qualifiedName(t.key()) != null) {
            problems.add(ViolationCode.SCHEDULING_TAINT_KEY_INVALID,
                    path.field("key"), t.key(), "taint key: " + Names.qualifiedName(t.key()), "use e.g. 'dedicated'");
        }
        if (t.operator() == Toleration.Operator.EXISTS && t.value().isPresent()) {
            problems.add(ViolationCode.SCHEDULING_EXISTS_WITH_VALUE,
                    path.field("value"), t.value().get(), "an Exists toleration has no value", "drop the value");
        }
        if (t.operator() == Toleration.Operator.EQUAL && t.key().isEmpty()) {
            problems.add(ViolationCode.SCHEDULING_EQUAL_WITHOUT_KEY,
                    path.field("key"), "", "an Equal toleration needs a key", "set the taint's key");
        }
        t.value().map(Names::labelValue).ifPresent(p -> problems.add(ViolationCode.SCHEDULING_TAINT_VALUE_INVALID,
                path.field("value"), t.value().get(), p,
                "use the taint's value"));
    }
}
