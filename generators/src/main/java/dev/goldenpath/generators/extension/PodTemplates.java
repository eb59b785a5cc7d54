package dev.goldenpath.generators.extension;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;

/** The pod template of every workload kind that has one, so that one pod hook serves them all. */
final class PodTemplates {

    private PodTemplates() {
    }

    /** The object's pod template, when its kind has one and it is set. */
    static Optional<PodTemplateSpec> of(HasMetadata object) {
        PodTemplateSpec template = null;
        if (object instanceof Deployment d && d.getSpec() != null) {
            template = d.getSpec().getTemplate();
        } else if (object instanceof StatefulSet s && s.getSpec() != null) {
            template = s.getSpec().getTemplate();
        } else if (object instanceof DaemonSet s && s.getSpec() != null) {
            template = s.getSpec().getTemplate();
        } else if (object instanceof ReplicaSet s && s.getSpec() != null) {
            template = s.getSpec().getTemplate();
        } else if (object instanceof Job j && j.getSpec() != null) {
            template = j.getSpec().getTemplate();
        } else if (object instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            template = c.getSpec().getJobTemplate().getSpec().getTemplate();
        } else if (object instanceof ReplicationController r && r.getSpec() != null) {
            template = r.getSpec().getTemplate();
        } else if (object instanceof PodTemplate p) {
            template = p.getTemplate();
        }
        return Optional.ofNullable(template);
    }
}
