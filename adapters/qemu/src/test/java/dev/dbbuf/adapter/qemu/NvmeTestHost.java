package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.probe.ProbeCore;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.probe.ProbeWiring;
import dev.dbbuf.probe.ShadowRinging;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.DeviceUnderTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The integration tests' NVMe host, on the kit's probe host ({@link ProbeCore}): admin queue bring-up, commands with
 * deadlines, I/O queue pairs, and switching doorbells between MMIO and the shadow buffer (the spec module's normative
 * host). Each completion is released through the head doorbell as soon as it is consumed.
 */
final class NvmeTestHost implements AutoCloseable {

    static final long PAGE = 4096;
    static final int ADMIN_DEPTH = 16;
    static final Duration DEADLINE = Duration.ofSeconds(5);

    final DeviceUnderTest device;
    final HostMemory memory;
    final FirstFitPageAllocator allocator;
    final DevicePort port;
    final Capabilities cap;
    private final ProbeCore core;

    private NvmeTestHost(final DeviceUnderTest device) {
        this.device = device;
        this.memory = device.providedMemory().orElseThrow();
        device.attach(memory);
        this.allocator = new FirstFitPageAllocator(memory);
        this.port = new DevicePort(device);
        this.cap = Capabilities.decode(device.readRegister64(ControllerRegister.CAP));
        this.core = new ProbeCore(new ProbeWiring(memory, port, allocator, cap.dstrd(), 0, this::until,
            (what, done) -> assertThat(done.status()).as("status of %s", what).isEqualTo(Status.SUCCESS),
            ShadowRinging.specHost(memory, port, cap.dstrd(), EventIdxForm.NORMATIVE)), AdminQueueStyle.MMIO_ONLY);
    }

    /** Starts QEMU and enables the controller with a fresh admin queue. */
    static NvmeTestHost start() {
        return start(DeviceConfiguration.defaults());
    }

    static NvmeTestHost start(final DeviceConfiguration configuration) {
        QemuAvailability.assumeQemu();
        final NvmeTestHost host = new NvmeTestHost(new QemuDeviceProvider().create(configuration));
        try {
            host.enable();
            return host;
        } catch (final RuntimeException | AssertionError e) {
            host.close();
            throw e;
        }
    }

    /** CC.EN = 1 with a new admin queue pair, waiting for CSTS.RDY. */
    void enable() {
        core.adminStyle(AdminQueueStyle.MMIO_ONLY);
        core.enable(ADMIN_DEPTH);
    }

    /** CC.EN = 0 (Controller Level Reset), waiting for CSTS.RDY = 0. */
    void reset() {
        core.reset(ControllerConfiguration.enabled(0).withEnable(false).encode());
    }

    /** The admin queue pair. */
    ProbeQueue admin() {
        return core.adminQueue();
    }

    /** The buffers in force, or null before Doorbell Buffer Config. */
    @Nullable DoorbellBuffers buffers() {
        return core.buffers();
    }

    /** Submits an admin command and waits for its completion. */
    CompletionQueueEntry admin(final SubmissionQueueEntry command) {
        submit(admin(), command);
        return awaitCompletion(admin());
    }

    /** Submits an admin command that must succeed. */
    CompletionQueueEntry adminOk(final SubmissionQueueEntry command) {
        final CompletionQueueEntry completion = admin(command);
        assertThat(completion.status()).as("status of admin opcode 0x%02x", command.opcode()).isEqualTo(Status.SUCCESS);
        return completion;
    }

    /** Appends one command with a fresh CID and publishes the tail; returns whether an MMIO write was made. */
    boolean submit(final ProbeQueue pair, final SubmissionQueueEntry command) {
        pair.append(command);
        return pair.ringTail();
    }

    /** Appends commands, publishing the tail once after all. */
    boolean submitBatch(final ProbeQueue pair, final List<SubmissionQueueEntry> commands) {
        for (final SubmissionQueueEntry command : commands) {
            pair.append(command);
        }
        return pair.ringTail();
    }

    /** Waits for the next completion of a pair, consumes it and publishes the new CQ head. */
    CompletionQueueEntry awaitCompletion(final ProbeQueue pair) {
        final CompletionQueueEntry entry = awaitEntry(pair, DEADLINE);
        assertThat(entry).as("completion on CQ%d within %s", pair.qid(), DEADLINE).isNotNull();
        pair.ringHead();
        return entry;
    }

    /** Polls for the next completion until the timeout; consumes it but publishes nothing. */
    @Nullable CompletionQueueEntry awaitEntry(final ProbeQueue pair, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do {
            final CompletionQueueEntry entry = pair.take();
            if (entry != null) {
                return entry;
            }
            port.idle();
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Sends Doorbell Buffer Config with two fresh zeroed pages and switches the admin queue as asked. */
    DoorbellBuffers configureDoorbellBuffers(final boolean shadowAdmin) {
        final Region shadow = allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
        final Region eventIdx = allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
        return configureDoorbellBuffers(shadow, eventIdx, shadowAdmin);
    }

    DoorbellBuffers configureDoorbellBuffers(final Region shadow, final Region eventIdx, final boolean shadowAdmin) {
        final CompletionQueueEntry done = core.configure(shadow.address(), eventIdx.address());
        assertThat(done.status()).as("status of Doorbell Buffer Config").isEqualTo(Status.SUCCESS);
        if (shadowAdmin) {
            core.useShadow(admin());
        }
        return Objects.requireNonNull(core.buffers());
    }

    /** Creates I/O CQ and SQ {@code qid} (interrupts off), doorbells through the shadow if configured. */
    ProbeQueue createIoQueuePair(final int qid, final int sqDepth, final int cqDepth) {
        return core.createQueuePair(qid, sqDepth, cqDepth);
    }

    /** The 32-bit entry of a doorbell in the Shadow Doorbell buffer. */
    int shadowEntry(final Doorbell doorbell) {
        // volatile: a one-off observation of memory the controller may write; qtest makes it sequentially consistent
        return memory.readU32(Objects.requireNonNull(buffers()).shadowAddress(doorbell), LoadMode.VOLATILE);
    }

    /** The 32-bit entry of a doorbell in the EventIdx buffer. */
    int eventIdxEntry(final Doorbell doorbell) {
        // volatile: a one-off observation of the controller's EventIdx store
        return memory.readU32(Objects.requireNonNull(buffers()).eventIdxAddress(doorbell), LoadMode.VOLATILE);
    }

    /** Every u32 of a page, read in one transfer. */
    List<Integer> page(final long address) {
        final byte[] bytes = new byte[(int) PAGE];
        memory.readBytes(address, bytes, 0, bytes.length);
        final IntBuffer words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        final List<Integer> result = new ArrayList<>();
        while (words.hasRemaining()) {
            result.add(words.get());
        }
        return result;
    }

    @Override
    public void close() {
        device.close();
    }

    // QEMU runs on its own: a deadline, with one poll interval between looks
    private void until(final String what, final BooleanSupplier condition, final Supplier<String> state) {
        final long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s: %s", what, DEADLINE, state.get()).isLessThan(deadline);
            port.idle();
        }
    }
}
