package dev.dbbuf.spec.spi.device;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DeviceConfiguration} is what the kit asks of a device it creates. A device that cannot honour a request
 * says so in its {@link DeviceCapabilities} and registers; the kit reads both rather than trusting the request.
 *
 * @param dstrd                CAP.DSTRD, 0..15
 * @param maxQueueDepth        CAP.MQES + 1, 2..65536
 * @param maxIoQueues          I/O queue pairs the device grants through Number of Queues, 1..65535
 * @param doorbellBufferConfig whether to support Doorbell Buffer Config (OACS bit 8)
 * @param eventIdxPolicy       the EventIdx policy to use, or {@code null} for the device's default
 * @param threaded             whether to run autonomously on a thread of its own instead of being stepped
 * @param namespaceBlocks      size of namespace 1 in logical blocks
 * @param blockSize            logical block size in bytes, a power of two from 512
 */
@API(status = STABLE, since = "0.1")
public record DeviceConfiguration(int dstrd, int maxQueueDepth, int maxIoQueues, boolean doorbellBufferConfig,
                                  @Nullable EventIdxPolicy eventIdxPolicy, boolean threaded, long namespaceBlocks,
                                  int blockSize) {

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException naming the field out of range
     */
    public DeviceConfiguration {
        if (dstrd < 0 || dstrd > 15) {
            throw new IllegalArgumentException("dstrd must be 0..15: dstrd=" + dstrd);
        }
        if (maxQueueDepth < 2 || maxQueueDepth > 65536) {
            throw new IllegalArgumentException("maxQueueDepth must be 2..65536: maxQueueDepth=" + maxQueueDepth);
        }
        if (maxIoQueues < 1 || maxIoQueues > 65535) {
            throw new IllegalArgumentException("maxIoQueues must be 1..65535: maxIoQueues=" + maxIoQueues);
        }
        if (namespaceBlocks < 1 || blockSize < 512 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("namespace must have blocks and a power-of-two block size >= 512: blocks=%d blockSize=%d"
                .formatted(namespaceBlocks, blockSize));
        }
    }

    /**
     * The kit's default: DSTRD 0, depth up to 65536, 16 I/O queues, Doorbell Buffer Config on, device's own policy,
     * stepped, 1 MiB namespace of 512-byte blocks.
     *
     * @return the defaults
     */
    public static DeviceConfiguration defaults() {
        return new DeviceConfiguration(0, 65536, 16, true, null, false, 2048, 512);
    }

    /**
     * A copy with another doorbell stride.
     *
     * @param value CAP.DSTRD
     * @return the copy
     */
    public DeviceConfiguration withDstrd(final int value) {
        return new DeviceConfiguration(value, maxQueueDepth, maxIoQueues, doorbellBufferConfig, eventIdxPolicy,
            threaded, namespaceBlocks, blockSize);
    }

    /**
     * A copy with another maximum depth.
     *
     * @param value CAP.MQES + 1
     * @return the copy
     */
    public DeviceConfiguration withMaxQueueDepth(final int value) {
        return new DeviceConfiguration(dstrd, value, maxIoQueues, doorbellBufferConfig, eventIdxPolicy, threaded,
            namespaceBlocks, blockSize);
    }

    /**
     * A copy with another I/O queue count.
     *
     * @param value I/O queue pairs granted
     * @return the copy
     */
    public DeviceConfiguration withMaxIoQueues(final int value) {
        return new DeviceConfiguration(dstrd, maxQueueDepth, value, doorbellBufferConfig, eventIdxPolicy, threaded,
            namespaceBlocks, blockSize);
    }

    /**
     * A copy with or without Doorbell Buffer Config.
     *
     * @param value OACS bit 8
     * @return the copy
     */
    public DeviceConfiguration withDoorbellBufferConfig(final boolean value) {
        return new DeviceConfiguration(dstrd, maxQueueDepth, maxIoQueues, value, eventIdxPolicy, threaded,
            namespaceBlocks, blockSize);
    }

    /**
     * A copy with another EventIdx policy.
     *
     * @param value the policy, or null for the device's default
     * @return the copy
     */
    public DeviceConfiguration withEventIdxPolicy(final @Nullable EventIdxPolicy value) {
        return new DeviceConfiguration(dstrd, maxQueueDepth, maxIoQueues, doorbellBufferConfig, value, threaded,
            namespaceBlocks, blockSize);
    }

    /**
     * A copy stepped or threaded.
     *
     * @param value true for a device with its own thread
     * @return the copy
     */
    public DeviceConfiguration withThreaded(final boolean value) {
        return new DeviceConfiguration(dstrd, maxQueueDepth, maxIoQueues, doorbellBufferConfig, eventIdxPolicy, value,
            namespaceBlocks, blockSize);
    }

    /**
     * A copy with another namespace geometry.
     *
     * @param blocks    logical blocks
     * @param bytes     logical block size
     * @return the copy
     */
    public DeviceConfiguration withNamespace(final long blocks, final int bytes) {
        return new DeviceConfiguration(dstrd, maxQueueDepth, maxIoQueues, doorbellBufferConfig, eventIdxPolicy,
            threaded, blocks, bytes);
    }
}
