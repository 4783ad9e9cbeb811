package dev.dbbuf.tck.verdict;

import dev.dbbuf.device.ReferenceDevice;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceProvider;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import dev.dbbuf.spec.spi.device.ForwardingDeviceUnderTest;

/**
 * A device whose doorbell path lives in a native library that is not installed: every register access works but the
 * first doorbell write ends in the JVM's {@code UnsatisfiedLinkError}, thrown straight at the kit (no kit guard in
 * between), as a JNI adapter's would be.
 */
public final class MissingNativeDevice implements DeviceProvider {

    /** The doorbells start at this BAR0 offset. */
    private static final int DOORBELLS = 0x1000;

    @Override
    public String name() {
        return "faulty-native-doorbells";
    }

    @Override
    public DeviceUnderTest create(final DeviceConfiguration configuration) {
        return new ForwardingDeviceUnderTest(ReferenceDevice.create(ReferenceDeviceOptions.of(
            configuration.withThreaded(false)))) {
            @Override
            public void writeRegister32(final int offset, final int value) {
                if (offset >= DOORBELLS) {
                    ringNative(offset, value);
                }
                super.writeRegister32(offset, value);
            }
        };
    }

    private static void ringNative(final int offset, final int value) {
        throw new UnsatisfiedLinkError("'void dev.dbbuf.native.Doorbells.ring(int, int)': no dbbuf_doorbells in "
            + "java.library.path (offset=" + offset + ", value=" + value + ")");
    }
}
