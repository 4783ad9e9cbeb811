package dev.dbbuf.device.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.IoOpcode;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "threaded={0}")
@ValueSource(booleans = {false, true})
class IoCommandsTest {

    @Parameter
    boolean threaded;

    private static final int BLOCKS = 8192;
    private static final long PAGE = 4096;

    private TestHost host;
    private ProbeQueue queue;

    private void start() {
        host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withNamespace(BLOCKS, 512));
        queue = host.createQueuePair(1, 32);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private Status run(final SubmissionQueueEntry command) {
        return host.execute(queue, command).status();
    }

    @Test
    void writeThenReadReturnsTheDataThroughPrp1AndPrp2() {
        start();
        {
            final Region out = host.allocator.allocate(RegionKind.DATA_OUT, 2 * PAGE, PAGE);
            final Region in = host.allocator.allocate(RegionKind.DATA_IN, 2 * PAGE, PAGE);
            final byte[] data = random(4096, 1);
            // PRP1 with an offset: 3584 bytes in the first page, 512 in the page PRP2 names
            final long prp1 = out.address() + 512;
            host.memory.writeBytes(prp1, data, 0, 3584);
            host.memory.writeBytes(out.address() + PAGE, data, 3584, 512);
            assertThat(run(IoCommands.transfer(IoOpcode.WRITE, 1, 100, 8, prp1, out.address() + PAGE)))
                .isEqualTo(Status.SUCCESS);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 100, 8, in.address(), in.address() + PAGE)))
                .isEqualTo(Status.SUCCESS);
            final byte[] back = new byte[4096];
            host.memory.readBytes(in.address(), back, 0, 4096);
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void prpListsAndChainedListPagesCarryLargeTransfers() {
        start();
        {
            final int blocks = 4300; // 2150 KiB: 538 pages, more than one list page holds
            final int pages = blocks * 512 / 4096 + 1;
            final Region out = host.allocator.allocate(RegionKind.DATA_OUT, pages * PAGE, PAGE);
            final Region in = host.allocator.allocate(RegionKind.DATA_IN, pages * PAGE, PAGE);
            final byte[] data = random(blocks * 512, 2);
            host.memory.writeBytes(out.address(), data, 0, data.length);
            assertThat(run(IoCommands.transfer(IoOpcode.WRITE, 1, 7, blocks, out.address(), list(out, pages))))
                .isEqualTo(Status.SUCCESS);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 7, blocks, in.address(), list(in, pages))))
                .isEqualTo(Status.SUCCESS);
            final byte[] back = new byte[data.length];
            host.memory.readBytes(in.address(), back, 0, back.length);
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void unwrittenBlocksReadAsZeros() {
        start();
        {
            final Region in = host.allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
            host.memory.fill(in.address(), PAGE, 0x5A);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, BLOCKS - 8, 8, in.address(), 0)))
                .isEqualTo(Status.SUCCESS);
            assertThat(host.memory.readU64(in.address() + 4088, LoadMode.PLAIN)).isZero();
        }
    }

    @Test
    void lbasBeyondTheNamespaceAreOutOfRange() {
        start();
        {
            final Region buffer = host.allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, BLOCKS, 1, buffer.address(), 0)))
                .isEqualTo(Status.LBA_OUT_OF_RANGE);
            assertThat(run(IoCommands.transfer(IoOpcode.WRITE, 1, BLOCKS - 1, 2, buffer.address(), 0)))
                .isEqualTo(Status.LBA_OUT_OF_RANGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, -1L, 1, buffer.address(), 0)))
                .isEqualTo(Status.LBA_OUT_OF_RANGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, BLOCKS - 1, 1, buffer.address(), 0)))
                .isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void otherNamespacesAreInvalidAndFlushAcceptsAllNamespaces() {
        start();
        {
            final Region buffer = host.allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 2, 0, 1, buffer.address(), 0)))
                .isEqualTo(Status.INVALID_NAMESPACE);
            assertThat(run(IoCommands.flush(0))).isEqualTo(Status.INVALID_NAMESPACE);
            assertThat(run(IoCommands.flush(1))).isEqualTo(Status.SUCCESS);
            assertThat(run(IoCommands.flush(0xFFFFFFFF))).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void prpsOutsideHostMemoryAreDataTransferErrors() {
        start();
        {
            final long outside = TestHost.MEMORY_BYTES;
            final Region listPage = host.allocator.allocate(RegionKind.PRP_LIST, PAGE, PAGE);
            final Region buffer = host.allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 1, outside, 0)))
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
            assertThat(run(IoCommands.transfer(IoOpcode.WRITE, 1, 0, 16, buffer.address(), outside + PAGE)))
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
            // a PRP list pointer outside memory, and a list entry outside memory
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 24, buffer.address(), outside)))
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
            host.memory.writeU64(listPage.address(), buffer.address(), StoreMode.PLAIN);
            host.memory.writeU64(listPage.address() + 8, outside, StoreMode.PLAIN);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 24, buffer.address(), listPage.address())))
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 1, -4096L, 0)))
                .isEqualTo(Status.DATA_TRANSFER_ERROR);
        }
    }

    @Test
    void badPrpOffsetsAreInvalidPrpOffsets() {
        start();
        {
            final Region buffer = host.allocator.allocate(RegionKind.DATA_IN, 4 * PAGE, PAGE);
            final Region listPage = host.allocator.allocate(RegionKind.PRP_LIST, PAGE, PAGE);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 1, buffer.address() + 2, 0)))
                .isEqualTo(Status.INVALID_PRP_OFFSET);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 16, buffer.address(), buffer.address() + PAGE + 8)))
                .isEqualTo(Status.INVALID_PRP_OFFSET);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 24, buffer.address(), listPage.address() + 4)))
                .isEqualTo(Status.INVALID_PRP_OFFSET);
            host.memory.writeU64(listPage.address(), buffer.address() + PAGE + 512, StoreMode.PLAIN);
            assertThat(run(IoCommands.transfer(IoOpcode.READ, 1, 0, 24, buffer.address(), listPage.address())))
                .isEqualTo(Status.INVALID_PRP_OFFSET);
        }
    }

    @Test
    void sglsAndUnknownOpcodesAreRejected() {
        start();
        {
            final Region buffer = host.allocator.allocate(RegionKind.DATA_IN, PAGE, PAGE);
            final SubmissionQueueEntry read = IoCommands.transfer(IoOpcode.READ, 1, 0, 1, buffer.address(), 0);
            final SubmissionQueueEntry sgl = new SubmissionQueueEntry(read.opcode(), 0x40, 0, 1, 0, read.prp1(), 0,
                read.cdw10(), read.cdw11(), read.cdw12(), 0, 0, 0);
            assertThat(run(sgl)).isEqualTo(Status.INVALID_FIELD);
            assertThat(run(SubmissionQueueEntry.of(0x7C, 1, 0, 0))).isEqualTo(Status.INVALID_COMMAND_OPCODE);
            assertThat(run(SubmissionQueueEntry.of(0x06, 1, 0, 0))).isEqualTo(Status.INVALID_COMMAND_OPCODE);
        }
    }

    /** Writes a PRP list for pages 1.. of a region (page 0 goes in PRP1), chaining list pages as needed. */
    private long list(final Region data, final int pages) {
        final int perPage = (int) (PAGE / 8);
        final int listPages = (pages - 1 + perPage - 2) / (perPage - 1);
        final Region lists = host.allocator.allocate(RegionKind.PRP_LIST, listPages * PAGE, PAGE);
        long slot = lists.address();
        for (int page = 1; page < pages; page++) {
            final boolean lastSlot = ((slot + 8) & (PAGE - 1)) == 0;
            if (lastSlot && pages - page > 1) {
                host.memory.writeU64(slot, slot + 8, StoreMode.PLAIN);
                slot += 8;
            }
            host.memory.writeU64(slot, data.address() + page * PAGE, StoreMode.PLAIN);
            slot += 8;
        }
        return lists.address();
    }

    private static byte[] random(final int length, final long seed) {
        final byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
