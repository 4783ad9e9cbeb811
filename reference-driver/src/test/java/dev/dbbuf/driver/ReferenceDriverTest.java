package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.io.BlockIo;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver against the reference device in both execution modes, both EventIdx policies and both admin queue
 * styles: I/O from several threads on several queue pairs, resets, queue re-creation, every block verified.
 */
class ReferenceDriverTest {

    static Stream<Arguments> devices() {
        final List<Arguments> all = new ArrayList<>();
        for (final boolean threaded : new boolean[] {false, true}) {
            for (final EventIdxPolicy policy : List.of(EventIdxPolicy.EVENT_DRIVEN, EventIdxPolicy.POLLING)) {
                for (final AdminQueueStyle style : AdminQueueStyle.values()) {
                    all.add(Arguments.of(threaded, policy, style));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "threaded={0} eventIdx={1} admin={2}")
    @MethodSource("devices")
    void dataWrittenAndAcknowledgedSurvivesResetsAndQueueRecreation(final boolean threaded,
                                                                   final EventIdxPolicy eventIdx,
                                                                   final AdminQueueStyle style) throws Exception {
        try (Harness h = Harness.of(threaded, eventIdx, DoorbellPolicy.defaults().withAdminQueueStyle(style))
            .initialized()) {
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            final int[] depths = {2, 37, 256};
            final List<ReferenceQueuePair> pairs = new ArrayList<>();
            for (final int depth : depths) {
                pairs.add(h.driver.createQueuePair(depth));
            }
            final List<BlockModel> models = new ArrayList<>();
            for (int i = 0; i < depths.length; i++) {
                models.add(new BlockModel(512));
            }
            writeConcurrently(h, pairs, models, 0);
            h.driver.resetController();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            verifyConcurrently(h, pairs, models);
            writeConcurrently(h, pairs, models, 1);

            h.driver.deleteQueuePair(pairs.get(1));
            final ReferenceQueuePair recreated = h.driver.createQueuePair(5);
            assertThat(recreated.qid()).isEqualTo(pairs.get(1).qid());
            pairs.set(1, recreated);
            writeConcurrently(h, pairs, models, 2);
            verifyConcurrently(h, pairs, models);

            assertThat(models).allSatisfy(m -> assertThat(m.size()).isEqualTo(3 * 8));
            assertThat(h.driver.anomalies().count()).as("anomalies %s", h.driver.anomalies().recorded()).isZero();
            h.driver.shutdown();
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.OFFLINE);
            assertThat(h.allocator.liveRegions()).isEmpty();
        }
    }

    private static void writeConcurrently(final Harness h, final List<ReferenceQueuePair> pairs,
                                          final List<BlockModel> models, final int round) throws Exception {
        runPerPair(h, pairs, (io, index) -> {
            final long base = index * 1000L + round * 100L;
            for (int i = 0; i < 4; i++) {
                models.get(index).write(io, base + i * 2L, 2, round);
            }
        });
    }

    private static void verifyConcurrently(final Harness h, final List<ReferenceQueuePair> pairs,
                                           final List<BlockModel> models) throws Exception {
        runPerPair(h, pairs, (io, index) -> models.get(index).verify(io));
    }

    private interface PerPair {
        void run(BlockIo io, int index);
    }

    private static void runPerPair(final Harness h, final List<ReferenceQueuePair> pairs, final PerPair work)
        throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(pairs.size());
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                final int index = i;
                final BlockIo io = h.driver.blockIo(pairs.get(i), 1);
                futures.add(pool.submit(() -> work.run(io, index)));
            }
            for (final Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
