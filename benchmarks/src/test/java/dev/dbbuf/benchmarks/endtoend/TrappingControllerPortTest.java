package dev.dbbuf.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trapping port forwards every access, counts only MMIO doorbell writes, and charges each of them the modelled
 * cost on the writing thread.
 */
class TrappingControllerPortTest {

    private static final long TRAP_NANOS = 200_000;

    @Test
    void forwardsEveryWriteAndCountsOnlyDoorbells() {
        final RecordingPort recording = new RecordingPort();
        final TrappingControllerPort port = new TrappingControllerPort(recording, 0);

        port.writeRegister32(ControllerRegister.CC, 1);
        port.writeRegister64(ControllerRegister.ASQ, 0x1000);
        port.writeRegister32(ControllerRegister.DOORBELL_BASE, 3);
        port.writeRegister32(ControllerRegister.DOORBELL_BASE + 12, 7);

        assertThat(recording.writes).containsExactly("CC=1", "ASQ=4096", "DB0=3", "DB12=7");
        assertThat(port.doorbellWrites()).isEqualTo(2);
        assertThat(port.trapNanosSpent()).isZero();
    }

    @Test
    void eachDoorbellWriteCostsAtLeastTheTrapOnTheWritingThread() {
        final RecordingPort recording = new RecordingPort();
        final TrappingControllerPort port = new TrappingControllerPort(recording, TRAP_NANOS);
        final int writes = 5;

        final long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            port.writeRegister32(ControllerRegister.DOORBELL_BASE + 8, i);
        }
        final long elapsed = System.nanoTime() - start;

        assertThat(port.doorbellWrites()).isEqualTo(writes);
        assertThat(port.trapNanosSpent()).isGreaterThanOrEqualTo(writes * TRAP_NANOS);
        assertThat(elapsed).isGreaterThanOrEqualTo(writes * TRAP_NANOS);
        assertThat(recording.writes).hasSize(writes);
    }

    @Test
    void registerWritesOtherThanDoorbellsAreNotCharged() {
        final TrappingControllerPort port = new TrappingControllerPort(new RecordingPort(), TRAP_NANOS);

        port.writeRegister32(ControllerRegister.CC, 1);

        assertThat(port.trapNanosSpent()).isZero();
        assertThat(port.doorbellWrites()).isZero();
    }

    @Test
    void aNegativeCostIsRejectedNamingIt() {
        assertThatThrownBy(() -> new TrappingControllerPort(new RecordingPort(), -1))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("trap cost must be >= 0 ns: trapNanos=-1");
    }

    /** Records writes as "REG=value"; reads return the offset. */
    private static final class RecordingPort implements ControllerPort {
        final List<String> writes = new ArrayList<>();

        @Override
        public int readRegister32(final int offset) {
            return offset;
        }

        @Override
        public long readRegister64(final int offset) {
            return offset;
        }

        @Override
        public void writeRegister32(final int offset, final int value) {
            writes.add(name(offset) + "=" + value);
        }

        @Override
        public void writeRegister64(final int offset, final long value) {
            writes.add(name(offset) + "=" + value);
        }

        @Override
        public void idle() {
            // nothing to wait for
        }

        private static String name(final int offset) {
            if (offset >= ControllerRegister.DOORBELL_BASE) {
                return "DB" + (offset - ControllerRegister.DOORBELL_BASE);
            }
            return offset == ControllerRegister.CC ? "CC" : offset == ControllerRegister.ASQ ? "ASQ" : "R" + offset;
        }
    }
}
