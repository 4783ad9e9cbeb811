package dev.dbbuf.tck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The wrap-around scenarios guarantee what the wrap-around verifications claim, counted from the steps themselves.
 */
class WrapScenariosTest {

    @ParameterizedTest(name = "depth={0}")
    @ValueSource(ints = {2, 3, 5, 13, 256, 257, 1021, 4099, 65536})
    void everyQueueWrapsThreeTimesWithUpdatesFromTheWrapPointAndBatchesCrossingIndexZero(final int depth) {
        final WrapScenarios.Built built = WrapScenarios.queue(depth, 3);

        long submitted = 0;
        long reaped = 0;
        int tail = 0;
        int fromWrapPoint = 0;
        int crossing = 0;
        for (final Step step : built.scenario().steps()) {
            if (step instanceof Step.Submit submit) {
                assertThat(submit.count()).isBetween(1, depth - 1);
                assertThat(reaped).as("everything reaped before the next batch").isEqualTo(submitted);
                if (tail == depth - 1) {
                    fromWrapPoint++;
                }
                if (tail + submit.count() > depth) {
                    crossing++;
                }
                tail = (tail + submit.count()) % depth;
                submitted += submit.count();
            } else if (step instanceof Step.Reap reap) {
                reaped += reap.max();
            }
        }
        assertThat(submitted / depth).isGreaterThanOrEqualTo(3).isEqualTo(built.wraps());
        assertThat(reaped).isEqualTo(submitted);
        assertThat(fromWrapPoint).isGreaterThanOrEqualTo(3).isEqualTo(built.nearWrapUpdates());
        assertThat(crossing).isEqualTo(built.crossingBatches());
        if (depth > 2) {
            assertThat(crossing).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void rejectsDepthsOutOfRange() {
        assertThatThrownBy(() -> WrapScenarios.queue(1, 3)).hasMessage(
            "wrap scenario needs depth 2..65536 and wraps >= 1: depth=1 wraps=3");
        assertThatThrownBy(() -> WrapScenarios.queue(65537, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminChurnSendsFourAdminCommandsPerCycle() {
        assertThat(WrapScenarios.adminChurn(13)).hasSize(26)
            .filteredOn(Step.DeleteQueuePair.class::isInstance).hasSize(13);
    }
}
