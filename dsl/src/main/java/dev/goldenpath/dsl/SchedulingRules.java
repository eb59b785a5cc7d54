package dev.goldenpath.dsl;

/** Where the app's pods may run: the RuntimeClass, the node selector and the taints they tolerate. */
record SchedulingRules(Platform platform, Problems problems) {

    void app(App app, FieldPath path) {
        app.scheduling().runtimeClassName().ifPresent(rc -> {
            if (rc.length() > 253 || !Names.DNS1123_SUBDOMAIN.matcher(rc).matches()) {
                problems.add(path.field("runtimeClassName"), rc, "a RuntimeClass name must be a DNS-1123 subdomain",
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
            problems.add(path.field("key"), t.key(), "taint key: " + Names.qualifiedName(t.key()), "use e.g. 'dedicated'");
        }
        if (t.operator() == Toleration.Operator.EXISTS && t.value().isPresent()) {
            problems.add(path.field("value"), t.value().get(), "an Exists toleration has no value", "drop the value");
        }
        if (t.operator() == Toleration.Operator.EQUAL && t.key().isEmpty()) {
            problems.add(path.field("key"), "", "an Equal toleration needs a key", "set the taint's key");
        }
        t.value().map(Names::labelValue).ifPresent(p -> problems.add(path.field("value"), t.value().get(), p,
                "use the taint's value"));
    }
}
