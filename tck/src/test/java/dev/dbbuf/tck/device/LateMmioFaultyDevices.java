package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices for the kit's proofs that get wrong how an MMIO doorbell write and the shadow entry combine once the write
 * arrives late (after the host stored newer values in the shadow entry).
 */
public final class LateMmioFaultyDevices {

    private LateMmioFaultyDevices() {
    }

    /**
     * Keeps a doorbell register per I/O submission queue tail and lets its value stand in for the shadow entry until
     * the host stores something else there: the register, written last, is taken for the newest value. An MMIO write
     * that arrives after the controller took a newer shadow tail puts the tail back, and the entries between run
     * again. A timely write carries the value already in the shadow entry, so nothing else changes.
     */
    public static final class LateMmioTailWins extends NamedDeviceProvider {
        public LateMmioTailWins() {
            super("faulty-late-mmio-tail-wins");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            return new EventIdxFaultyDevices.Controller(configuration, AdminCommandHook.NONE,
                new EventIdxFaultyDevices.Buffers()) {
                /** Doorbell index to the register value and the shadow value the write found. */
                private final Map<Long, long[]> registers = new ConcurrentHashMap<>();

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset == ControllerRegister.CC && (value & 1) == 0) {
                        registers.clear();
                    }
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    if (offset >= ControllerRegister.DOORBELL_BASE && ioTail(index) && buffers.shadow >= 0) {
                        final int found = memory.readU32(buffers.shadow + index * stride, LoadMode.ACQUIRE);
                        registers.put(index, new long[] {value, found});
                    }
                    super.writeRegister32(offset, value);
                }

                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int shadow = view.readU32(address, mode);
                    if (!buffers.inShadow(address)) {
                        return shadow;
                    }
                    final long index = doorbellIndex(address, buffers.shadow);
                    final long[] register = registers.get(index);
                    if (register == null || !ioTail(index)) {
                        return shadow;
                    }
                    if (shadow != (int) register[1]) {
                        registers.remove(index);
                        return shadow;
                    }
                    return (int) register[0];
                }

                private static boolean ioTail(final long index) {
                    return index % 2 == 0 && index > 0;
                }
            };
        }
    }
}
