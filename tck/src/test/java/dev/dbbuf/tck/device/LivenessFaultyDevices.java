package dev.dbbuf.tck.device;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;

/** Devices for the kit's proofs that stop making progress, to measure how fast the kit reaches its verdicts. */
public final class LivenessFaultyDevices {

    private LivenessFaultyDevices() {
    }

    /**
     * A stepped controller whose engine seizes after a fixed number of working passes: from then on a pass does
     * nothing and says so, with commands outstanding. Enough passes for bring-up and a few commands work.
     */
    public static final class StopsCompleting extends NamedDeviceProvider {
        /** Working passes before the engine seizes. */
        static final int WORKING_PASSES = 12;

        public StopsCompleting() {
            super("faulty-stops-completing");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final ReferenceDevice engine = ReferenceDevice.create(ReferenceDeviceOptions.of(
                configuration.withThreaded(false)));
            return new ForwardingDeviceUnderTest(engine) {
                private int working;

                @Override
                public ExecutionModel executionModel() {
                    return ExecutionModel.stepped(() -> working < WORKING_PASSES && engine.runOnce() && ++working > 0);
                }
            };
        }
    }
}
