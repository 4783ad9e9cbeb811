package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPI queue pair: batches, capacity, bad requests, multi-page transfers through PRP lists.
 */
class QueuePairTest {

    @Test
    void aBadRequestInABatchLeavesNothingSubmitted() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(8);
            final Region buffer = h.allocator.allocate(RegionKind.DATA_IN, 512, 4096);
            final List<IoRequest> batch = List.of(new IoRequest.Read(1, 0, 1, buffer),
                new IoRequest.Read(1, 0, 2, buffer));
            assertThatThrownBy(() -> pair.submit(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("buffer must hold the blocks transferred: blocks=2 bytes=1024");
            assertThat(pair.outstanding()).isZero();
            assertThatThrownBy(() -> pair.submit(List.of(new IoRequest.Flush(9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("namespace must be active: nsid=9");
            assertThat(h.driver.counters().commandsSubmitted(pair.qid())).isZero();
        }
    }

    @Test
    void aBatchBeyondTheCapacityIsRefusedAndAFullBatchCompletes() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.POLLING)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(5);
            final List<IoRequest> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(new IoRequest.Flush(1));
            }
            assertThatThrownBy(() -> pair.submit(five)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("batch must fit the free submission queue slots: batch=5 free=4");
            final long mmioBefore = h.driver.counters().mmioDoorbellWrites(pair.qid());
            pair.submit(five.subList(0, 4));
            assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()) - mmioBefore)
                .as("one batch, one doorbell decision").isLessThanOrEqualTo(1);
            final List<IoCompletion> done = new ArrayList<>();
            for (int i = 0; i < 1000 && done.size() < 4; i++) {
                h.port.idle();
                done.addAll(pair.poll());
            }
            assertThat(done).hasSize(4).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SUCCESS));
            assertThat(done).extracting(IoCompletion::request).containsExactlyElementsOf(five.subList(0, 4));
        }
    }

    @Test
    void transfersSpanningManyPagesGoThroughAPrpListAndReadBackIntact() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(16);
            final var io = h.driver.blockIo(pair, 1);
            final byte[] data = new byte[40 * 512 * 8];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 13 + i / 4096);
            }
            io.write(500, data);
            assertThat(io.read(500, data.length / 512)).isEqualTo(data);
            assertThat(io.read(500 + 8, 1)).isEqualTo(java.util.Arrays.copyOfRange(data, 8 * 512, 9 * 512));
            assertThat(h.allocator.liveRegions()).extracting(Region::kind).doesNotContain(RegionKind.PRP_LIST);
        }
    }

    @Test
    void requestsOutstandingAtAResetAreReportedAbandonedAndTheirPrpListsFreed() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(8);
            final Region buffer = h.allocator.allocate(RegionKind.DATA_IN, 4 * 4096, 4096);
            final IoRequest read = new IoRequest.Read(1, 0, 32, buffer);
            pair.submit(List.of(read));
            assertThat(h.allocator.liveRegions()).extracting(Region::kind).contains(RegionKind.PRP_LIST);
            h.driver.resetController();
            assertThat(pair.poll()).isEmpty();
            assertThat(pair.abandoned(read)).isTrue();
            assertThat(pair.abandoned(read)).as("reported once").isFalse();
            assertThat(pair.outstanding()).isZero();
            assertThat(h.allocator.liveRegions()).extracting(Region::kind).doesNotContain(RegionKind.PRP_LIST);
            final var io = h.driver.blockIo(pair, 1);
            io.write(3, new byte[512]);
            assertThat(io.read(3, 1)).isEqualTo(new byte[512]);
        }
    }
}
