package dev.dbbuf.benchmarks.kit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;
import org.apiguardian.api.API;

/**
 * {@code SeizingDeviceProvider} is the device {@link DeviceTimeToVerdict} times the kit against: a stepped controller
 * whose engine seizes after {@value #WORKING_PASSES} working passes (enough for bring-up and a few commands); from then
 * on every pass does nothing and says so, with commands outstanding. Named {@value #NAME}.
 */
@API(status = INTERNAL, since = "0.1")
public final class SeizingDeviceProvider implements DeviceProvider {

    /** The provider name ({@code -Dtck.device=}). */
    public static final String NAME = "benchmark-stops-completing";
    /** Working passes before the engine seizes. */
    static final int WORKING_PASSES = 12;

    /** Creates the provider; found through {@link java.util.ServiceLoader}. */
    public SeizingDeviceProvider() {
    }

    @Override
    public String name() {
        return NAME;
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
