package dev.dbbuf.adapter.nativeabi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.memory.Fence;
import dev.dbbuf.spec.memory.HostMemory;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.ExecutionModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The C controller compiled with -DAUTONOMOUS declares its own thread, which the kit starts at attach and stops at
 * close; a finding the kit's memory raises in an upcall from that thread (here: every command fetch is refused) is
 * thrown at the kit's next call into the library, or at close after the thread was joined, never lost.
 */
class AutonomousNativeDeviceTest {

    private static final int REG_AQA = 0x24;
    private static final int REG_ASQ = 0x28;
    private static final int REG_ACQ = 0x30;
    private static final int REG_CC = 0x14;
    private static final int REG_CSTS = 0x1C;
    private static final int ADMIN_SQ_TAIL_DOORBELL = 0x1000;
    private static final long ADMIN_SQ = 0x1000;
    private static final long ADMIN_CQ = 0x2000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Host memory whose byte copies (the controller's command fetch) fail as a kit finding would, once the test lets
     * them: until then the controller's thread waits in the upcall, so the kit's call that rang cannot see the finding.
     */
    private static final class RefusingMemory implements HostMemory {
        private final SegmentHostMemory memory = new SegmentHostMemory(1 << 16);
        private final CountDownLatch refused = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile String thread = "";

        @Override
        public long capacity() {
            return memory.capacity();
        }

        @Override
        public int readU8(final long address) {
            return memory.readU8(address);
        }

        @Override
        public void writeU8(final long address, final int value) {
            memory.writeU8(address, value);
        }

        @Override
        public int readU16(final long address, final LoadMode mode) {
            return memory.readU16(address, mode);
        }

        @Override
        public void writeU16(final long address, final int value, final StoreMode mode) {
            memory.writeU16(address, value, mode);
        }

        @Override
        public int readU32(final long address, final LoadMode mode) {
            return memory.readU32(address, mode);
        }

        @Override
        public void writeU32(final long address, final int value, final StoreMode mode) {
            memory.writeU32(address, value, mode);
        }

        @Override
        public long readU64(final long address, final LoadMode mode) {
            return memory.readU64(address, mode);
        }

        @Override
        public void writeU64(final long address, final long value, final StoreMode mode) {
            memory.writeU64(address, value, mode);
        }

        @Override
        public void readBytes(final long address, final byte[] dst, final int offset, final int length) {
            thread = Thread.currentThread().toString();
            refused.countDown();
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("DBC-ISO-001: command fetch refused at 0x" + Long.toHexString(address));
        }

        @Override
        public void writeBytes(final long address, final byte[] src, final int offset, final int length) {
            memory.writeBytes(address, src, offset, length);
        }

        @Override
        public void fill(final long address, final long length, final int value) {
            memory.fill(address, length, value);
        }

        @Override
        public void fence(final Fence fence) {
            memory.fence(fence);
        }
    }

    private static NativeDevice autonomousDevice() {
        final NativeLibrary library = NativeLibrary.open(TestLibraries.library("libdevice-autonomous.so"));
        return new NativeDevice(library, NativeDeviceFunctions.of(library), DeviceConfiguration.defaults(),
            NativeMemoryMode.OBSERVED);
    }

    /** Enables the controller with two-entry admin queues and rings one command, which the thread fetches. */
    private static void ringOneAdminCommand(final NativeDevice device) {
        device.writeRegister32(REG_AQA, 1 | 1 << 16);
        device.writeRegister64(REG_ASQ, ADMIN_SQ);
        device.writeRegister64(REG_ACQ, ADMIN_CQ);
        device.writeRegister32(REG_CC, 1 | 6 << 16 | 4 << 20);
        assertThat(device.readRegister32(REG_CSTS) & 1).as("CSTS.RDY").isEqualTo(1);
        device.writeRegister32(ADMIN_SQ_TAIL_DOORBELL, 1);
    }

    private static void awaitRefusal(final RefusingMemory memory) throws InterruptedException {
        assertThat(memory.refused.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .as("the controller's thread fetched the command within %s", WAIT).isTrue();
        memory.release.countDown();
    }

    @Test
    void controllerThatDeclaresItsOwnThreadIsAutonomousForTheKit() {
        try (NativeDevice device = autonomousDevice()) {
            assertThat(device.executionModel()).isInstanceOf(ExecutionModel.Autonomous.class);
        }
    }

    @Test
    void findingInAnUpcallFromTheControllersThreadIsThrownAtTheKitsNextCall() throws InterruptedException {
        final RefusingMemory memory = new RefusingMemory();
        try (NativeDevice device = autonomousDevice()) {
            device.attach(memory);
            ringOneAdminCommand(device);
            awaitRefusal(memory);

            assertThat(memory.thread).as("the upcall came from the library's thread, not the kit's")
                .isNotEqualTo(Thread.currentThread().toString());
            final long deadline = System.nanoTime() + WAIT.toNanos();
            Throwable thrown = null;
            while (thrown == null && System.nanoTime() < deadline) {
                try {
                    device.readRegister32(REG_CSTS);
                    Thread.sleep(1);
                } catch (final AssertionError e) {
                    thrown = e;
                }
            }
            assertThat(thrown).as("the finding reached the kit within %s", WAIT).isNotNull()
                .hasMessage("DBC-ISO-001: command fetch refused at 0x" + Long.toHexString(ADMIN_SQ));
        }
    }

    @Test
    void findingNotYetSeenByTheKitIsThrownByCloseAfterTheThreadWasJoined() throws InterruptedException {
        final RefusingMemory memory = new RefusingMemory();
        final NativeDevice device = autonomousDevice();
        device.attach(memory);
        ringOneAdminCommand(device);
        awaitRefusal(memory);

        assertThatThrownBy(device::close)
            .isInstanceOf(AssertionError.class)
            .hasMessage("DBC-ISO-001: command fetch refused at 0x" + Long.toHexString(ADMIN_SQ));
    }
}
