package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Devices for the kit's proofs that get wrong how an MMIO doorbell write and the shadow entry combine once the write
 * arrives late (after the host stored newer values in the shadow entry).
 */
public final class LateMmioFaultyDevices {

    private LateMmioFaultyDevices() {
    }

    /**
     * Keeps a doorbell register per I/O submission queue tail and takes an MMIO value that differs from the shadow
     * value it last loaded for the newer one: until the host stores something else in the shadow entry, the register
     * stands in for it. An MMIO write that arrives after the controller took a newer shadow tail then puts the tail
     * back, and the entries between run again. A timely write carries the value the host has just stored, which the
     * next load finds anyway, and a kick with the value last loaded changes nothing.
     */
    public static final class LateMmioTailWins extends NamedDeviceProvider {
        public LateMmioTailWins() {
            super("faulty-late-mmio-tail-wins");
        }

        @Override
        public DeviceUnderTest create(final DeviceConfiguration configuration) {
            final AtomicBoolean configured = new AtomicBoolean();
            final AdminCommandHook watch = command -> {
                if (command.opcode() == AdminOpcode.DOORBELL_BUFFER_CONFIG.code()) {
                    configured.set(true);
                }
                return null;
            };
            return new EventIdxFaultyDevices.Controller(configuration, watch, new EventIdxFaultyDevices.Buffers()) {
                /** Doorbell index to the shadow value its last load found. */
                private final Map<Long, Integer> loaded = new ConcurrentHashMap<>();
                /** Doorbell index to the MMIO value standing in and the shadow value it stands in for. */
                private final Map<Long, int[]> registers = new ConcurrentHashMap<>();

                @Override
                public void writeRegister32(final int offset, final int value) {
                    if (offset == ControllerRegister.CC && (value & 1) == 0) {
                        configured.set(false);
                        loaded.clear();
                        registers.clear();
                    }
                    final long index = ((long) offset - ControllerRegister.DOORBELL_BASE) / stride;
                    final Integer last = loaded.get(index);
                    if (offset >= ControllerRegister.DOORBELL_BASE && ioTail(index) && configured.get()
                        && last != null) {
                        if (value == last) {
                            registers.remove(index);
                        } else {
                            registers.put(index, new int[] {value, last});
                        }
                    }
                    super.writeRegister32(offset, value);
                }

                @Override
                int readU32(final HostMemory view, final long address, final LoadMode mode) {
                    final int shadow = view.readU32(address, mode);
                    if (!buffers.inShadow(address) || !ioTail(doorbellIndex(address, buffers.shadow))) {
                        return shadow;
                    }
                    final long index = doorbellIndex(address, buffers.shadow);
                    loaded.put(index, shadow);
                    final int[] register = registers.get(index);
                    if (register == null) {
                        return shadow;
                    }
                    if (shadow != register[1]) {
                        registers.remove(index);
                        return shadow;
                    }
                    return register[0];
                }

                private static boolean ioTail(final long index) {
                    return index % 2 == 0 && index > 0;
                }
            };
        }
    }
}
