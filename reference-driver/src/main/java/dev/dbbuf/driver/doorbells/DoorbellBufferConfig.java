package dev.dbbuf.driver.doorbells;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.driver.admin.AdminQueue;
import dev.dbbuf.driver.admin.ControllerIdentity;
import dev.dbbuf.driver.lifecycle.HostController;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.spec.layout.DoorbellLayout;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.HostContext;
import java.util.Collection;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code DoorbellBufferConfig} is the host's Doorbell Buffer Config state: the pages the controller accepted, the
 * status of the last 0x7C, and the doorbell mode of every queue.
 *
 * <p>Queues switch to the shadow buffer only after the controller accepted the buffers; on failure the fresh pages
 * are freed and every doorbell is an MMIO write; {@link #forget()} (at a reset) frees the pages so that nothing
 * written before the reset is ever read again. Used under the {@link HostController}'s lock.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DoorbellBufferConfig {

    private final HostContext context;
    private final DoorbellPolicy policy;
    private final long pageSize;
    private final int dstrd;
    private final AdminQueue admin;
    private final Collection<HostQueuePair<?>> ioQueues;
    private @Nullable DoorbellBufferPages pages;
    private @Nullable Status lastStatus;
    private boolean sent;
    private DoorbellMode mode = DoorbellMode.OFFLINE;

    public DoorbellBufferConfig(final HostContext context, final DoorbellPolicy policy, final long pageSize,
                                final int dstrd, final AdminQueue admin, final Collection<HostQueuePair<?>> ioQueues) {
        this.context = context;
        this.policy = policy;
        this.pageSize = pageSize;
        this.dstrd = dstrd;
        this.admin = admin;
        this.ioQueues = ioQueues;
    }

    /**
     * Sends 0x7C with fresh zeroed pages if the policy and OACS bit 8 allow and the table for {@code maxQid} fits
     * one page; switches every queue to the resulting mode.
     *
     * @param identity what the controller supports and granted
     * @return the mode that results
     */
    public DoorbellMode configure(final ControllerIdentity identity) {
        sent = true;
        final int maxQid = identity.ioQueues();
        if (!policy.useDoorbellBufferConfig() || !identity.supportsDoorbellBufferConfig()
            || DoorbellLayout.bytesNeeded(maxQid, dstrd) > pageSize) {
            dropPages();
            return switchAll(DoorbellMode.MMIO);
        }
        final DoorbellBufferPages fresh = DoorbellBufferPages.allocate(context.memory(), context.allocator(),
            pageSize, dstrd, maxQid);
        final CompletionQueueEntry completion = admin.execute(
            AdminCommands.doorbellBufferConfig(fresh.shadow().address(), fresh.eventIdx().address()));
        lastStatus = completion.status();
        if (!completion.status().isSuccess()) {
            fresh.free(context.allocator());
            dropPages();
            return switchAll(DoorbellMode.MMIO);
        }
        // the controller now uses the fresh pages only (a second 0x7C re-points); the old ones can go
        dropPages();
        pages = fresh;
        return switchAll(DoorbellMode.SHADOW);
    }

    /** The controller was reset or enabled: MMIO until 0x7C is sent again, pages freed, status forgotten. */
    public void forget() {
        dropPages();
        switchAll(DoorbellMode.MMIO);
        sent = false;
        lastStatus = null;
    }

    /**
     * Prepares a queue about to be created: zeroes its shadow slots.
     *
     * @param qid the queue identifier
     */
    public void zeroSlots(final int qid) {
        final DoorbellBufferPages current = pages;
        if (current != null) {
            current.zeroShadowSlots(qid);
        }
    }

    /**
     * Puts a queue's doorbells in the current mode.
     *
     * @param doorbells the doorbells
     * @param admin     true for the admin queue (shadowed only in the {@link AdminQueueStyle#SHADOWED} style)
     */
    public void apply(final QueueDoorbells doorbells, final boolean admin) {
        final DoorbellBufferPages current = pages;
        final boolean shadow = mode == DoorbellMode.SHADOW && current != null
            && (!admin || policy.adminQueueStyle() == AdminQueueStyle.SHADOWED);
        if (shadow) {
            doorbells.useShadow(current.buffers(), policy.decision());
        } else {
            doorbells.useMmio();
        }
    }

    /** Frees the pages and goes offline; the controller is disabled or gone. */
    public void release() {
        dropPages();
        mode = DoorbellMode.OFFLINE;
    }

    private DoorbellMode switchAll(final DoorbellMode target) {
        mode = target;
        for (final HostQueuePair<?> pair : ioQueues) {
            apply(pair.doorbells(), false);
        }
        apply(admin.queue().doorbells(), true);
        return target;
    }

    private void dropPages() {
        final DoorbellBufferPages current = pages;
        if (current != null) {
            pages = null;
            switchAll(mode == DoorbellMode.SHADOW ? DoorbellMode.MMIO : mode);
            current.free(context.allocator());
        }
    }

    /**
     * Whether 0x7C was sent since bring-up or the last reset.
     *
     * @return true once sent
     */
    public boolean sent() {
        return sent;
    }

    /**
     * How doorbells are rung now.
     *
     * @return the mode
     */
    public DoorbellMode mode() {
        return mode;
    }

    /**
     * Marks the controller enabled, in MMIO mode.
     */
    public void online() {
        if (mode == DoorbellMode.OFFLINE) {
            mode = DoorbellMode.MMIO;
        }
    }

    /**
     * The status of the last 0x7C.
     *
     * @return empty if none was sent since bring-up or the last reset
     */
    public Optional<Status> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /**
     * The accepted pages.
     *
     * @return empty in MMIO mode
     */
    public Optional<DoorbellBufferPages> pages() {
        return Optional.ofNullable(pages);
    }
}
