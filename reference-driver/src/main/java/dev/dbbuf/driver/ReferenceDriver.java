package dev.dbbuf.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.queues.AnomalyLog;
import dev.dbbuf.driver.admin.CommandTimeoutException;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.counters.DriverCounters;
import dev.dbbuf.driver.lifecycle.HostController;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.driver.io.BlockIo;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.eventidx.RingIndex;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.DriverCapabilities;
import dev.dbbuf.spec.spi.driver.DriverUnderTest;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.QueuePair;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code ReferenceDriver} is the reference NVMe host driver: shadow doorbells with the normative EventIdx rule,
 * fallback to MMIO (no OACS bit 8, 0x7C failing, and after a reset whose 0x7C fails), I/O queue pairs of any depth
 * created and deleted at run time, a block API, and recovery by controller reset when the controller stops answering.
 *
 * <p>Queue identifiers are handed out lowest free first. The admin path is serialised; each queue pair is used by
 * one thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReferenceDriver implements DriverUnderTest {

    private final DoorbellPolicy policy;
    private final int ioQueues;
    private final Map<Integer, ReferenceQueuePair> pairs = new HashMap<>();
    private @Nullable HostController controller;

    /**
     * Creates a driver, not yet initialised.
     *
     * @param policy   how to use Doorbell Buffer Config
     * @param ioQueues I/O queue pairs to ask the controller for
     */
    public ReferenceDriver(final DoorbellPolicy policy, final int ioQueues) {
        this.policy = policy;
        this.ioQueues = ioQueues;
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(policy.adminQueueStyle(), policy.timing(), RingIndex.MAX_DEPTH);
    }

    @Override
    public synchronized void initialize(final HostContext context) {
        if (controller != null) {
            throw new IllegalStateException("driver must be initialised once: state=" + controller.doorbellMode());
        }
        controller = HostController.bringUp(context, policy, ioQueues);
    }

    @Override
    public synchronized ReferenceQueuePair createQueuePair(final int depth) {
        RingIndex.checkDepth(depth);
        final HostController host = host();
        int qid = 1;
        while (pairs.containsKey(qid)) {
            qid++;
        }
        if (qid > host.identity().ioQueues()) {
            throw new IllegalStateException("no free queue identifier: granted=%d used=%d"
                .formatted(host.identity().ioQueues(), pairs.size()));
        }
        final int chosen = qid;
        final HostQueuePair<ReferenceQueuePair.Pending> queue = recovering(() -> host.createQueuePair(chosen, depth));
        final ReferenceQueuePair pair = new ReferenceQueuePair(queue, host.identity(), host.context().memory(),
            host.context().allocator(), host.pageSize());
        pairs.put(chosen, pair);
        return pair;
    }

    @Override
    public synchronized void deleteQueuePair(final QueuePair pair) {
        final ReferenceQueuePair known = pairs.get(pair.qid());
        if (known != pair) {
            throw new IllegalArgumentException("queue pair must be one this driver created: qid=" + pair.qid());
        }
        recovering(() -> {
            host().deleteQueuePair(known.hostQueuePair());
            return known;
        });
        pairs.remove(pair.qid());
    }

    @Override
    public synchronized void resetController() {
        host().reset();
    }

    @Override
    public synchronized DoorbellMode doorbellMode() {
        return controller == null ? DoorbellMode.OFFLINE : controller.doorbellMode();
    }

    @Override
    public synchronized void shutdown() {
        final HostController host = controller;
        if (host != null && host.doorbellMode() != DoorbellMode.OFFLINE) {
            pairs.clear();
            host.shutdown();
        }
    }

    @Override
    public synchronized void close() {
        final HostController host = controller;
        if (host != null) {
            try {
                host.registers().disable();
            } catch (final RuntimeException e) {
                // the controller may be gone; memory is released below either way
            }
            host.release();
            pairs.clear();
        }
    }

    /**
     * A block API over a queue pair of this driver, for namespace {@code nsid}.
     *
     * @param pair a pair this driver created, owned by the calling thread
     * @param nsid the namespace
     * @return the block API
     */
    public BlockIo blockIo(final ReferenceQueuePair pair, final int nsid) {
        final HostController host = host();
        return new BlockIo(pair, host.context(), nsid, host.identity().namespace(nsid).blockSize(),
            this::resetController);
    }

    /**
     * The counters: MMIO doorbell writes per queue, commands submitted and completed.
     *
     * @return read-only counters
     */
    public DriverCounters counters() {
        return host().counters();
    }

    /**
     * Completions the driver refused to trust.
     *
     * @return the log
     */
    public AnomalyLog anomalies() {
        return host().anomalies();
    }

    /**
     * The low-level host this driver runs on.
     *
     * @return the host controller
     * @throws IllegalStateException before {@link #initialize}
     */
    public synchronized HostController host() {
        if (controller == null) {
            throw new IllegalStateException("driver must be initialised first: state=OFFLINE");
        }
        return controller;
    }

    private <R> R recovering(final Supplier<R> action) {
        try {
            return action.get();
        } catch (final CommandTimeoutException e) {
            host().reset();
            throw e;
        }
    }
}
