package dev.dbbuf.tck.verdict;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;

/**
 * A correct device with a legitimate limit: its queues hold at most 1024 entries (CAP.MQES = 1023), as many real
 * controllers' do. The kit's deeper cases do not apply to it; the rest must pass.
 */
public final class ShallowDevice implements DeviceProvider {

    /** The deepest queue it offers. */
    static final int MAX_DEPTH = 1024;

    @Override
    public String name() {
        return "legit-shallow-queues";
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        return ReferenceDevice.create(ReferenceDeviceOptions.of(configuration.withMaxQueueDepth(
            Math.min(MAX_DEPTH, configuration.maxQueueDepth()))));
    }
}
