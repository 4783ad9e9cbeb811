package dev.dbbuf.spec.layout;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.nvme.ControllerRegister;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code DoorbellLayout} places doorbells in BAR0 and in the Shadow Doorbell and EventIdx buffers, which share one
 * layout (NVMe 2.0 §5.8, key NVMe-2.0-5.8 in spec/SOURCES.md).
 *
 * <pre>
 *  stride = 4 &lt;&lt; CAP.DSTRD bytes
 *
 *  byte offset in either buffer      entry (u32, little-endian, index in bits 0-15)
 *  +---------------------------+
 *  | 0 * stride                |     SQ0 tail   (admin)
 *  | 1 * stride                |     CQ0 head   (admin)
 *  | 2 * stride                |     SQ1 tail
 *  | 3 * stride                |     CQ1 head
 *  | ...                       |
 *  | (2y) * stride             |     SQy tail
 *  | (2y + 1) * stride         |     CQy head
 *  +---------------------------+     must end within one memory page (4 KiB &lt;&lt; CC.MPS)
 *
 *  BAR0 doorbell register = 0x1000 + the same offset
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public final class DoorbellLayout {

    /** Width of one entry in bytes: entries are u32 even when the stride is larger. */
    public static final int ENTRY_WIDTH = 4;
    /** Largest DSTRD the layout accepts (CAP.DSTRD is 4 bits). */
    public static final int MAX_DSTRD = 15;

    private DoorbellLayout() {
    }

    /**
     * The doorbell stride.
     *
     * @param dstrd CAP.DSTRD, 0..15
     * @return {@code 4 << dstrd} bytes
     */
    public static int stride(final int dstrd) {
        if (dstrd < 0 || dstrd > MAX_DSTRD) {
            throw new IllegalArgumentException("CAP.DSTRD must be 0..15: dstrd=" + dstrd);
        }
        return ENTRY_WIDTH << dstrd;
    }

    /**
     * Offset of a doorbell's entry in the Shadow Doorbell buffer and in the EventIdx buffer.
     *
     * @param doorbell which doorbell
     * @param dstrd    CAP.DSTRD
     * @return {@code index * stride} bytes
     */
    public static long entryOffset(final Doorbell doorbell, final int dstrd) {
        return (long) doorbell.index() * stride(dstrd);
    }

    /**
     * Offset of a doorbell register in BAR0.
     *
     * @param doorbell which doorbell
     * @param dstrd    CAP.DSTRD
     * @return {@code 0x1000 + entryOffset}
     */
    public static long registerOffset(final Doorbell doorbell, final int dstrd) {
        return ControllerRegister.DOORBELL_BASE + entryOffset(doorbell, dstrd);
    }

    /**
     * The doorbell a BAR0 offset addresses, if any.
     *
     * @param offset BAR0 byte offset
     * @param dstrd  CAP.DSTRD
     * @return the doorbell, or empty if the offset is below 0x1000 or not on a stride boundary
     */
    public static Optional<Doorbell> doorbellAt(final long offset, final int dstrd) {
        final long relative = offset - ControllerRegister.DOORBELL_BASE;
        final int stride = stride(dstrd);
        if (relative < 0 || relative % stride != 0 || relative / stride > 2L * Doorbell.MAX_QID + 1) {
            return Optional.empty();
        }
        return Optional.of(Doorbell.ofIndex((int) (relative / stride)));
    }

    /**
     * Bytes a buffer needs so that the entries of every queue up to {@code maxQid} lie inside it.
     *
     * @param maxQid highest queue identifier in use, 0..65535
     * @param dstrd  CAP.DSTRD
     * @return {@code (2 * maxQid + 2) * stride}
     */
    public static long bytesNeeded(final int maxQid, final int dstrd) {
        if (maxQid < 0 || maxQid > Doorbell.MAX_QID) {
            throw new IllegalArgumentException("queue identifier must be 0..65535: maxQid=" + maxQid);
        }
        return (2L * maxQid + 2) * stride(dstrd);
    }

    /**
     * The highest queue identifier whose entries fit in one buffer page.
     *
     * @param pageSize memory page size in bytes
     * @param dstrd    CAP.DSTRD
     * @return the largest {@code q} with {@code bytesNeeded(q, dstrd) <= pageSize}, or -1 if not even the admin queue fits
     */
    public static int maxQidInPage(final long pageSize, final int dstrd) {
        return (int) Math.min(Doorbell.MAX_QID, pageSize / (2L * stride(dstrd)) - 1);
    }

    /**
     * Checks that the table for queues up to {@code maxQid} fits in one memory page.
     *
     * @param maxQid   highest queue identifier in use
     * @param dstrd    CAP.DSTRD
     * @param pageSize memory page size in bytes
     * @return the bytes needed
     * @throws IllegalArgumentException if it does not fit
     */
    public static long checkFitsInPage(final int maxQid, final int dstrd, final long pageSize) {
        final long needed = bytesNeeded(maxQid, dstrd);
        if (needed > pageSize) {
            throw new IllegalArgumentException(
                "doorbell table must fit in one memory page: maxQid=%d dstrd=%d needed=%d pageSize=%d"
                    .formatted(maxQid, dstrd, needed, pageSize));
        }
        return needed;
    }
}
