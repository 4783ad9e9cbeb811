package dev.dbbuf.tck.device;

import dev.dbbuf.device.AdminCommandHook;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stepped controller that leaves some doorbells on MMIO after Doorbell Buffer Config: their shadow entries are not
 * read (the last MMIO value stands in) and their EventIdx is never written. Which doorbells it leaves there is the
 * defect, and each faulty device says so in {@link #onMmio}.
 */
abstract class MmioDoorbellsController extends EventIdxFaultyDevices.Controller {

    /** Doorbell index to the value last written to its MMIO register. */
    private final Map<Long, Integer> lastMmio = new ConcurrentHashMap<>();

    MmioDoorbellsController(final DeviceConfiguration configuration, final AdminCommandHook hook,
                            final EventIdxFaultyDevices.Buffers buffers) {
        super(configuration, hook, buffers);
    }

    /**
     * Whether the controller keeps a doorbell on MMIO.
     *
     * @param index the doorbell index: 2y for SQ y's tail, 2y + 1 for CQ y's head
     * @return true to ignore its shadow entry and EventIdx
     */
    abstract boolean onMmio(long index);

    @Override
    int readU32(final HostMemory view, final long address, final LoadMode mode) {
        if (buffers.inShadow(address) && onMmio(doorbellIndex(address, buffers.shadow))) {
            return lastMmio.getOrDefault(doorbellIndex(address, buffers.shadow), 0);
        }
        return view.readU32(address, mode);
    }

    @Override
    void writeU32(final HostMemory view, final long address, final int value, final StoreMode mode) {
        if (!(buffers.inEventIdx(address) && onMmio(doorbellIndex(address, buffers.eventIdx)))) {
            view.writeU32(address, value, mode);
        }
    }

    @Override
    public void writeRegister32(final int offset, final int value) {
        if (offset >= ControllerRegister.DOORBELL_BASE) {
            lastMmio.put(((long) offset - ControllerRegister.DOORBELL_BASE) / stride, value);
        }
        super.writeRegister32(offset, value);
    }
}
