package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code DeviceProbes} opens a probe host on a fresh device from the selected provider.
 *
 * <p>Setting {@code tck.device.threaded=true} asks the provider for an autonomous device instead of a stepped one.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeviceProbes {

    private DeviceProbes() {
    }

    /**
     * The kit's device configuration: the defaults, threaded if {@code tck.device.threaded} is set, with the EventIdx
     * policy {@code tck.device.eventIdxPolicy} names (the device's own default otherwise).
     *
     * @param env the kit environment
     * @return the configuration
     * @throws IllegalArgumentException if the policy setting names no {@link EventIdxPolicy}
     */
    public static DeviceConfiguration configuration(final KitEnvironment env) {
        final DeviceConfiguration base =
            DeviceConfiguration.defaults().withThreaded(env.longSetting("tck.device.threaded", 0) != 0);
        final String policy = env.setting("tck.device.eventIdxPolicy", "");
        if (policy.isEmpty()) {
            return base;
        }
        try {
            return base.withEventIdxPolicy(EventIdxPolicy.valueOf(policy));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("kit setting must name an EventIdx policy %s: tck.device.eventIdxPolicy=%s"
                .formatted(java.util.Arrays.toString(EventIdxPolicy.values()), policy), e);
        }
    }

    /**
     * Opens a probe on a fresh device.
     *
     * @param env           the kit environment
     * @param verifying     the requirement the test verifies
     * @param configuration what to ask of the device
     * @param options       how the probe behaves
     * @return the probe, not yet enabled
     */
    public static ProbeHost open(final KitEnvironment env, final Requirement verifying,
                                 final DeviceConfiguration configuration, final ProbeOptions options) {
        final DeviceUnderTest device = env.provider(DeviceProvider.class).create(configuration);
        return new ProbeHost(device, options, env.timeout(), verifying);
    }

    /**
     * Opens a strict probe on a device with the kit's configuration, enabled with a 16-deep admin queue, after
     * checking that the device declares Doorbell Buffer Config.
     *
     * @param env       the kit environment
     * @param verifying the requirement the test verifies
     * @param options   how the probe behaves
     * @return the enabled probe
     */
    public static ProbeHost enabledWithDoorbellBufferConfig(final KitEnvironment env, final Requirement verifying,
                                                             final ProbeOptions options) {
        return enabledWithDoorbellBufferConfig(env, verifying, configuration(env), options);
    }

    /**
     * As {@link #enabledWithDoorbellBufferConfig(KitEnvironment, Requirement, ProbeOptions)} with a configuration.
     *
     * @param env           the kit environment
     * @param verifying     the requirement the test verifies
     * @param configuration what to ask of the device
     * @param options       how the probe behaves
     * @return the enabled probe
     */
    public static ProbeHost enabledWithDoorbellBufferConfig(final KitEnvironment env, final Requirement verifying,
                                                             final DeviceConfiguration configuration,
                                                             final ProbeOptions options) {
        final ProbeHost probe = open(env, verifying, configuration, options);
        if (!probe.device().capabilities().doorbellBufferConfig()) {
            probe.close();
            Assumptions.abort("the device declares DeviceCapabilities.doorbellBufferConfig=false");
        }
        probe.enable(16);
        return probe;
    }

    /**
     * Flush commands for namespace 1.
     *
     * @param count how many
     * @return the commands
     */
    public static List<SubmissionQueueEntry> flushes(final int count) {
        return Collections.nCopies(count, IoCommands.flush(1));
    }
}
