package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.driver.admin.CommandTimeoutException;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.Capabilities;
import dev.dbbuf.spec.nvme.ControllerRegister;
import dev.dbbuf.spec.nvme.ControllerStatus;
import dev.dbbuf.spec.spi.driver.ControllerPort;
import dev.dbbuf.spec.spi.driver.HostContext;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bring-up against a controller that never gets ready, or reports a fatal status: a clear error within CAP.TO on the
 * port's clock, never a hang. A register-only fake is enough: no command is ever sent.
 */
class BringUpTest {

    /** CAP.TO of the fake: 2 x 500 ms. */
    private static final int TO = 2;

    @Test
    void aControllerThatNeverSetsReadyFailsBringUpWithinCapTo() {
        final FakeRegisters port = new FakeRegisters(new ControllerStatus(false, false, 0, false));
        try (SegmentHostMemory memory = new SegmentHostMemory(1 << 20)) {
            final ReferenceDriver driver = new ReferenceDriver(DoorbellPolicy.defaults(), 4);
            final FirstFitPageAllocator allocator = new FirstFitPageAllocator(memory);
            assertThatThrownBy(() -> driver.initialize(new HostContext(port, memory, allocator,
                Duration.ofSeconds(5))))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageStartingWith("controller must set CSTS.RDY after CC.EN=1 within CAP.TO: timeout=PT1S");
            assertThat(port.clock).as("gave up at CAP.TO on the port clock").isBetween(1_000_000_000L, 1_100_000_000L);
            assertThat(port.lastCc & 1).as("CC.EN was set").isEqualTo(1);
            assertThat(allocator.liveRegions()).as("admin queues freed after the failed bring-up").isEmpty();
        }
    }

    @Test
    void aFatalStatusAtEnableIsReportedWithTheStatus() {
        final FakeRegisters port = new FakeRegisters(new ControllerStatus(false, true, 0, false));
        try (SegmentHostMemory memory = new SegmentHostMemory(1 << 20)) {
            final ReferenceDriver driver = new ReferenceDriver(DoorbellPolicy.defaults(), 4);
            assertThatThrownBy(() -> driver.initialize(new HostContext(port, memory,
                new FirstFitPageAllocator(memory), Duration.ofSeconds(5))))
                .isInstanceOf(NvmeCommandException.class)
                .hasMessageStartingWith("controller must not report a fatal status at enable: csts=");
        }
    }

    /** CAP, CC and a fixed CSTS (RDY only while CC.EN = 0 is 0 anyway); each idle advances the clock by 1 ms. */
    private static final class FakeRegisters implements ControllerPort {
        private final ControllerStatus statusWhenEnabled;
        private int lastCc;
        private long clock;

        FakeRegisters(final ControllerStatus statusWhenEnabled) {
            this.statusWhenEnabled = statusWhenEnabled;
        }

        @Override
        public int readRegister32(final int offset) {
            if (offset == ControllerRegister.CC) {
                return lastCc;
            }
            if (offset == ControllerRegister.CSTS) {
                return (lastCc & 1) == 0 ? 0 : statusWhenEnabled.encode();
            }
            return 0;
        }

        @Override
        public long readRegister64(final int offset) {
            return offset == ControllerRegister.CAP
                ? new Capabilities(1023, true, 0, TO, 0, false, Capabilities.CSS_NVM, 0, 0).encode() : 0;
        }

        @Override
        public void writeRegister32(final int offset, final int value) {
            if (offset == ControllerRegister.CC) {
                lastCc = value;
            }
        }

        @Override
        public void writeRegister64(final int offset, final long value) {
            // ASQ and ACQ are accepted and ignored
        }

        @Override
        public void idle() {
            clock += 1_000_000;
        }

        @Override
        public long nanoTime() {
            return clock;
        }
    }
}
