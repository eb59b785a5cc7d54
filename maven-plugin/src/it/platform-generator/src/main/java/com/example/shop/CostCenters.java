package com.example.shop;

import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The platform team's company-wide label on every object of every app, found by the plugin as the spec is. */
public final class CostCenters implements PlatformGenerator {

    @Override
    public void contribute(AppContext app) {
        // Looked up only while rendering: the class must still be loadable then.
        String costCenter = CostCenterTable.of(app.instance().team().name());
        app.customize(HasMetadata.class, object -> object.getMetadata().getLabels().put("cost-center", costCenter));
    }
}
