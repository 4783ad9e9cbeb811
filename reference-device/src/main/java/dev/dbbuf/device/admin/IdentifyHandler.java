package dev.dbbuf.device.admin;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.device.io.PrpCursor;
import dev.dbbuf.device.io.RamNamespace;
import dev.dbbuf.spec.memory.HostMemoryException;
import dev.dbbuf.spec.nvme.IdentifyController;
import dev.dbbuf.spec.nvme.IdentifyNamespace;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code IdentifyHandler} answers Identify: controller (CNS 01h), namespace (CNS 00h, NSID 1 only) and active
 * namespace list (CNS 02h). Other CNS values are Invalid Field in Command.
 */
@API(status = INTERNAL, since = "0.1")
public final class IdentifyHandler {

    /** Serial number reported. */
    public static final String SERIAL = "DBBUF-REF-0001";
    /** Model number reported. */
    public static final String MODEL = "dbbuf-tck reference controller";
    /** Firmware revision reported. */
    public static final String FIRMWARE = "0.1";

    private static final int CNS_MASK = 0xFF;
    private static final int SQES_64_BYTES = 0x66;
    private static final int CQES_16_BYTES = 0x44;
    private static final int NSID_LIST_LIMIT = 0xFFFFFFFE;

    private final RamNamespace namespace;
    private final boolean doorbellBufferConfig;
    private final PrpCursor cursor;
    private final LongSupplier pageSize;

    /**
     * Creates the handler.
     *
     * @param namespace            namespace 1
     * @param doorbellBufferConfig whether OACS bit 8 is set
     * @param cursor               the controller's PRP cursor
     * @param pageSize             the memory page size in effect
     */
    public IdentifyHandler(final RamNamespace namespace, final boolean doorbellBufferConfig, final PrpCursor cursor,
                           final LongSupplier pageSize) {
        this.namespace = namespace;
        this.doorbellBufferConfig = doorbellBufferConfig;
        this.cursor = cursor;
        this.pageSize = pageSize;
    }

    /**
     * Executes Identify.
     *
     * @param command the command
     * @return its result
     */
    public AdminResult execute(final SubmissionQueueEntry command) {
        if (!command.usesPrps()) {
            return AdminResult.of(Status.INVALID_FIELD);
        }
        final int nsid = command.nsid();
        return switch (command.cdw10() & CNS_MASK) {
            case IdentifyController.CNS -> send(command, controllerData());
            case IdentifyNamespace.CNS -> nsid == RamNamespace.NSID
                ? send(command, namespaceData()) : AdminResult.of(Status.INVALID_NAMESPACE);
            case IdentifyNamespace.CNS_ACTIVE_LIST -> Integer.compareUnsigned(nsid, NSID_LIST_LIMIT) >= 0
                ? AdminResult.of(Status.INVALID_NAMESPACE) : send(command, activeList(nsid));
            default -> AdminResult.of(Status.INVALID_FIELD);
        };
    }

    private ByteBuffer controllerData() {
        final ByteBuffer data = page();
        ascii(data, IdentifyController.SN_OFFSET, IdentifyController.SN_LENGTH, SERIAL);
        ascii(data, IdentifyController.MN_OFFSET, IdentifyController.MN_LENGTH, MODEL);
        ascii(data, IdentifyController.FR_OFFSET, IdentifyController.FR_LENGTH, FIRMWARE);
        data.putShort(IdentifyController.OACS_OFFSET,
            (short) (doorbellBufferConfig ? IdentifyController.OACS_DOORBELL_BUFFER_CONFIG : 0));
        data.put(IdentifyController.AERL_OFFSET, (byte) (AsyncEventRequests.LIMIT - 1));
        data.put(IdentifyController.SQES_OFFSET, (byte) SQES_64_BYTES);
        data.put(IdentifyController.CQES_OFFSET, (byte) CQES_16_BYTES);
        data.putInt(IdentifyController.NN_OFFSET, 1);
        return data;
    }

    private ByteBuffer namespaceData() {
        final ByteBuffer data = page();
        data.putLong(IdentifyNamespace.NSZE_OFFSET, namespace.blocks());
        data.putLong(IdentifyNamespace.NCAP_OFFSET, namespace.blocks());
        data.putLong(IdentifyNamespace.NUSE_OFFSET, namespace.blocks());
        data.put(IdentifyNamespace.LBAF0_OFFSET + IdentifyNamespace.LBADS_IN_LBAF,
            (byte) Integer.numberOfTrailingZeros(namespace.blockSize()));
        return data;
    }

    private ByteBuffer activeList(final int nsid) {
        final ByteBuffer data = page();
        if (Integer.compareUnsigned(nsid, RamNamespace.NSID) < 0) {
            data.putInt(0, RamNamespace.NSID);
        }
        return data;
    }

    private AdminResult send(final SubmissionQueueEntry command, final ByteBuffer data) {
        final @Nullable Status malformed = cursor.start(command.prp1(), command.prp2(), data.capacity(), pageSize.getAsLong());
        if (malformed != null) {
            return AdminResult.of(malformed);
        }
        final byte[] bytes = data.array();
        int offset = 0;
        try {
            while (cursor.next()) {
                // plain: published to the host by the completion's release store of the phase tag
                cursor.memory().writeBytes(cursor.address(), bytes, offset, cursor.length());
                offset += cursor.length();
            }
        } catch (final HostMemoryException refused) {
            return AdminResult.of(Status.DATA_TRANSFER_ERROR);
        }
        final @Nullable Status error = cursor.error();
        return error == null ? AdminResult.SUCCESS : AdminResult.of(error);
    }

    private static ByteBuffer page() {
        return ByteBuffer.allocate(IdentifyController.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void ascii(final ByteBuffer data, final int offset, final int length, final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            data.put(offset + i, i < bytes.length ? bytes[i] : (byte) ' ');
        }
    }
}
