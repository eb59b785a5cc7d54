package dev.goldenpath.generators.extension;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A company-wide label on every object of every app (listed in the test's META-INF/services). */
public final class CostCenterLabels implements PlatformGenerator {

    @Override
    public void contribute(AppContext app) {
        app.customize(HasMetadata.class, object -> object.getMetadata().getLabels().put("cost-center", "cc-42"));
    }
}
