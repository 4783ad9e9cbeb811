package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.driver.queues.CompletionHeadUpdates;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.IoCompletion;
import dev.dbbuf.spec.spi.driver.IoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random batch sizes on small queues, where wrap-around and a full completion queue happen all the time: every
 * command completes, no doorbell is lost, with both head schedules and both EventIdx policies. The seed is printed;
 * replay with {@code -Dtck.seed=}.
 */
class RandomBatchesTest {

    private static final int COMMANDS = 1500;

    @ParameterizedTest(name = "eventIdx={0} heads={1}")
    @CsvSource({"EVENT_DRIVEN, DEFERRED", "EVENT_DRIVEN, EVERY_SWEEP", "POLLING, DEFERRED", "POLLING, EVERY_SWEEP"})
    void everyCommandCompletesOnSmallQueues(final EventIdxPolicy eventIdx, final CompletionHeadUpdates heads) {
        final long seed = Long.getLong("tck.seed", System.nanoTime());
        System.out.printf("everyCommandCompletesOnSmallQueues %s %s seed=%d%n", eventIdx, heads, seed);
        final SplittableRandom random = new SplittableRandom(seed);
        try (Harness h = Harness.of(false, eventIdx, DoorbellPolicy.defaults().withCompletionHeadUpdates(heads))
            .initialized()) {
            for (int round = 0; round < 3; round++) {
                final ReferenceQueuePair pair = h.driver.createQueuePair(random.nextInt(2, 10));
                int submitted = 0;
                int completed = 0;
                int idles = 0;
                while (completed < COMMANDS) {
                    final int room = Math.min(pair.capacity() - pair.outstanding(), COMMANDS - submitted);
                    final int size = room == 0 ? 0 : random.nextInt(0, room + 1);
                    final List<IoRequest> batch = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        batch.add(new IoRequest.Flush(1));
                    }
                    if (!batch.isEmpty()) {
                        pair.submit(batch);
                        submitted += size;
                    }
                    if (random.nextBoolean()) {
                        h.port.idle();
                    }
                    for (final IoCompletion completion : pair.poll()) {
                        assertThat(completion.status().isSuccess()).as("%s", completion).isTrue();
                        completed++;
                    }
                    assertThat(++idles).as("progress: depth=%d submitted=%d completed=%d seed=%d", pair.depth(),
                        submitted, completed, seed).isLessThan(COMMANDS * 20);
                }
                assertThat(pair.outstanding()).isZero();
                h.driver.deleteQueuePair(pair);
            }
            assertThat(h.driver.anomalies().count()).isZero();
        }
    }
}
