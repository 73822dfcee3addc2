package dev.scaler.engine;

import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.scaler.plan.Labels;
import dev.scaler.swarm.Service;
import dev.scaler.swarm.ServiceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link Service} of the pure mapping in docker-java's words; nothing is decided here. */
final class SwarmSpecs {
    private SwarmSpecs() {
    }

    /** {@code fileIds}: the Swarm id of each config and secret by name (a reference must carry both). */
    static ServiceSpec of(Service s, String project, Map<String, String> fileIds) {
        var container = new com.github.dockerjava.api.model.ContainerSpec()
                .withImage(s.image())
                .withHostname(s.hostname())
                .withEnv(s.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withLabels(s.containerLabels())
                .withMounts(s.mounts().stream().map(m -> new Mount().withType(MountType.VOLUME).withSource(m.volume())
                        .withTarget(m.path()).withVolumeOptions(new VolumeOptions().withLabels(Labels.project(project))))
                        .toList())
                .withConfigs(s.files().stream().filter(f -> f.kind() == ServiceFile.Kind.CONFIG)
                        .map(f -> new ContainerSpecConfig().withConfigName(f.object()).withConfigID(id(f, fileIds))
                                .withFile(file(f))).toList())
                .withSecrets(s.files().stream().filter(f -> f.kind() == ServiceFile.Kind.SECRET)
                        .map(f -> new ContainerSpecSecret().withSecretName(f.object()).withSecretId(id(f, fileIds))
                                .withFile(file(f))).toList());
        if (!s.command().isEmpty()) {
            container = container.withCommand(s.command());
        }
        if (s.healthCheck().isPresent()) {
            var h = s.healthCheck().get();
            container = container.withHealthCheck(new HealthCheck().withTest(h.test()).withInterval(nanos(h.interval()))
                    .withTimeout(nanos(h.timeout())).withRetries(h.retries()).withStartPeriod(nanos(h.startPeriod())));
        }
        var placement = new ServicePlacement().withConstraints(s.constraints());
        if (s.maxPerNode() > 0) {
            placement = placement.withMaxReplicas(s.maxPerNode());
        }
        var networks = new ArrayList<NetworkAttachmentConfig>();
        s.networks().forEach((n, aliases) -> networks.add(new NetworkAttachmentConfig().withTarget(n).withAliases(aliases)));
        var task = new TaskSpec().withContainerSpec(container).withPlacement(placement).withNetworks(networks)
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ANY)
                        .withDelay(nanos(Duration.ofSeconds(1))));
        var update = new UpdateConfig().withParallelism(1L).withFailureAction(UpdateFailureAction.ROLLBACK)
                .withOrder(s.order() == dev.scaler.swarm.UpdateOrder.START_FIRST ? UpdateOrder.START_FIRST
                        : UpdateOrder.STOP_FIRST);
        var endpoint = new EndpointSpec().withMode(EndpointResolutionMode.DNSRR)
                .withPorts(s.ports().stream().map(p -> new PortConfig().withProtocol(PortConfigProtocol.TCP)
                        .withPublishMode(PortConfig.PublishMode.host).withPublishedPort(p.published())
                        .withTargetPort(p.target())).toList());
        return new ServiceSpec().withName(s.name()).withLabels(s.labels()).withTaskTemplate(task)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions()
                        .withReplicas(s.replicas())))
                .withUpdateConfig(update).withEndpointSpec(endpoint);
    }

    private static String id(ServiceFile f, Map<String, String> fileIds) {
        String id = fileIds.get(f.object());
        if (id == null) {
            throw new EngineException("the " + f.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + f.object()
                    + " is not on the swarm", "`scaler up --engine swarm` creates it before the services");
        }
        return id;
    }

    private static ContainerSpecFile file(ServiceFile f) {
        return new ContainerSpecFile().withName(f.path()).withUid("0").withGid("0").withMode((long) f.mode());
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }
}
