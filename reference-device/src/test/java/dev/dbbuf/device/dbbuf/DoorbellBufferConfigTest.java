package dev.dbbuf.device.dbbuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.device.ReferenceDeviceOptions;
import dev.dbbuf.device.host.TestHost;
import dev.dbbuf.probe.ProbeQueue;
import dev.dbbuf.spec.doorbell.DoorbellBuffers;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.StoreMode;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "threaded={0}")
@ValueSource(booleans = {false, true})
class DoorbellBufferConfigTest {

    @Parameter
    boolean threaded;

    private static final long PAGE = 4096;
    private static final int SENTINEL = 0xAAAA_AAAA;

    @Test
    void withoutOacsBit8TheOpcodeDoesNotExist() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withDoorbellBufferConfig(false))) {
            final CompletionQueueEntry completion = host.configureDoorbellBuffers(false);
            assertThat(completion.status()).isEqualTo(Status.INVALID_COMMAND_OPCODE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prp1-misaligned", "prp2-misaligned", "same-page", "prp1-outside", "prp2-outside", "sgl"})
    void invalidBuffersAreInvalidFieldsAndChangeNothing(final String problem) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
            host.watched.forbidAccess(shadow.address(), PAGE);
            host.watched.forbidAccess(eventIdx.address(), PAGE);
            long prp1 = shadow.address();
            long prp2 = eventIdx.address();
            int flags = 0;
            switch (problem) {
                case "prp1-misaligned" -> prp1 += 64;
                case "prp2-misaligned" -> prp2 += 4;
                case "same-page" -> prp2 = prp1;
                case "prp1-outside" -> prp1 = TestHost.MEMORY_BYTES;
                case "prp2-outside" -> prp2 = TestHost.MEMORY_BYTES - PAGE + PAGE;
                case "sgl" -> flags = 0x40;
                default -> throw new IllegalArgumentException(problem);
            }
            final CompletionQueueEntry completion = host.admin(new SubmissionQueueEntry(
                AdminOpcode.DOORBELL_BUFFER_CONFIG.code(), flags, 0, 0, 0, prp1, prp2, 0, 0, 0, 0, 0, 0));
            assertThat(completion.status()).isEqualTo(Status.INVALID_FIELD);
            assertThat(completion.status().dnr()).isTrue();
            final ProbeQueue queue = host.createQueuePair(1, 16);
            TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            assertThat(host.watched.violations).isEmpty();
        }
    }

    @ParameterizedTest(name = "dstrd={0} maxIoQueues={1} fits={2}")
    @CsvSource({"0,511,true", "0,512,false", "3,63,true", "3,64,false", "1,255,true", "1,256,false"})
    void theTableForEveryQueueMustFitInOnePage(final int dstrd, final int maxIoQueues, final boolean fits) {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded).withDstrd(dstrd)
            .withMaxIoQueues(maxIoQueues))) {
            assertThat(host.configureDoorbellBuffers(false).status())
                .isEqualTo(fits ? Status.SUCCESS : Status.INVALID_FIELD);
        }
    }

    @Test
    void existingQueuesAreAttachedAndLaterOnesWhenCreated() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final ProbeQueue early = host.createQueuePair(1, 16);
            for (int i = 0; i < 5; i++) {
                TestHost.expectSuccess(host.execute(early, IoCommands.flush(1)));
            }
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
            fillWords(host, eventIdx.address(), SENTINEL);
            // the shadow entries hold the queues' current values, as a host that shadows from the start would write
            host.memory.writeU32(shadow.address() + 8, early.submissions().tail(), StoreMode.PLAIN);
            host.memory.writeU32(shadow.address() + 12, early.completions().head(), StoreMode.PLAIN);
            TestHost.expectSuccess(host.configureDoorbellBuffers(shadow.address(), eventIdx.address(), false));
            final DoorbellBuffers buffers = host.buffers();
            assertThat(eventIdx(host, buffers, new Doorbell.SubmissionTail(1))).isEqualTo(5);
            assertThat(eventIdx(host, buffers, new Doorbell.CompletionHead(1))).isEqualTo(5);
            assertThat(eventIdx(host, buffers, new Doorbell.CompletionHead(0))).isNotEqualTo(SENTINEL);
            assertThat(eventIdx(host, buffers, new Doorbell.SubmissionTail(2))).isEqualTo(SENTINEL);
            host.useShadow(early);
            for (int i = 0; i < 40; i++) {
                TestHost.expectSuccess(host.execute(early, IoCommands.flush(1)));
            }
            final ProbeQueue late = host.createQueuePair(2, 8);
            assertThat(eventIdx(host, buffers, new Doorbell.SubmissionTail(2))).isZero();
            for (int i = 0; i < 40; i++) {
                TestHost.expectSuccess(host.execute(late, IoCommands.flush(1)));
            }
            assertThat(host.device.counters().mmioDoorbellWrites(new Doorbell.SubmissionTail(2))).isEqualTo(40);
            assertThat(host.device.counters().shadowReads()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void aSecondCommandRepointsAndTheOldPagesAreNeverTouchedAgain(final EventIdxMode mode) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withThreaded(threaded))
            .withEventIdxMode(mode))) {
            host.enable(16);
            TestHost.expectSuccess(host.configureDoorbellBuffers(true));
            final DoorbellBuffers old = host.buffers();
            final ProbeQueue queue = host.createQueuePair(1, 16);
            for (int i = 0; i < 20; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
            copyPage(host, old.shadowBase(), shadow.address());
            TestHost.expectSuccess(host.configureDoorbellBuffers(shadow.address(), eventIdx.address(), true));
            host.watched.forbidAccess(old.shadowBase(), PAGE);
            host.watched.forbidAccess(old.eventIdxBase(), PAGE);
            host.useShadow(queue);
            for (int i = 0; i < 40; i++) {
                TestHost.expectSuccess(host.execute(queue, IoCommands.flush(1)));
            }
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
            assertThat(host.watched.violations).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventIdxMode.class)
    void aResetDropsTheBuffersAndTheOldPagesAreNeverTouchedAfterIt(final EventIdxMode mode) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withThreaded(threaded)
            .withThreaded(threaded)).withEventIdxMode(mode))) {
            host.enable(16);
            TestHost.expectSuccess(host.configureDoorbellBuffers(true));
            final DoorbellBuffers old = host.buffers();
            final ProbeQueue before = host.createQueuePair(1, 16);
            for (int i = 0; i < 20; i++) {
                TestHost.expectSuccess(host.execute(before, IoCommands.flush(1)));
            }
            host.reset();
            host.watched.forbidAccess(old.shadowBase(), PAGE);
            host.watched.forbidAccess(old.eventIdxBase(), PAGE);
            fillWords(host, old.shadowBase(), 0x5A5A_0003);
            fillWords(host, old.eventIdxBase(), SENTINEL);
            host.enable(16);
            final ProbeQueue after = host.createQueuePair(1, 16);
            for (int i = 0; i < 40; i++) {
                TestHost.expectSuccess(host.execute(after, IoCommands.flush(1)));
            }
            assertThat(host.watched.violations).isEmpty();
            assertThat(host.memory.readU32(old.eventIdxBase() + 8, LoadMode.PLAIN)).isEqualTo(SENTINEL);
        }
    }

    @ParameterizedTest(name = "{0} shadowAdmin={1}")
    @CsvSource({"EVENT_DRIVEN,false", "EVENT_DRIVEN,true", "POLLING,false", "POLLING,true",
        "POLLING_SENTINEL,false", "POLLING_SENTINEL,true"})
    void theControllerNeverWritesTheShadowDoorbellBuffer(final EventIdxMode mode, final boolean shadowAdmin) {
        try (TestHost host = new TestHost(ReferenceDeviceOptions.of(DeviceConfiguration.defaults().withThreaded(threaded))
            .withEventIdxMode(mode))) {
            host.enable(8);
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
            host.watched.forbidWrites(shadow.address(), PAGE);
            final ProbeQueue early = host.createQueuePair(1, 8);
            TestHost.expectSuccess(host.execute(early, IoCommands.flush(1)));
            TestHost.expectSuccess(host.configureDoorbellBuffers(shadow.address(), eventIdx.address(), shadowAdmin));
            final ProbeQueue late = host.createQueuePair(2, 8);
            for (int i = 0; i < 50; i++) {
                TestHost.expectSuccess(host.execute(late, IoCommands.flush(1)));
                TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
            }
            assertThat(host.watched.violations).isEmpty();
            if (!shadowAdmin) {
                // unlike QEMU, the controller does not copy MMIO admin doorbells into the shadow entries
                assertThat(host.memory.readU32(shadow.address(), LoadMode.PLAIN)).isZero();
                assertThat(host.memory.readU32(shadow.address() + 4, LoadMode.PLAIN)).isZero();
            }
        }
    }

    @Test
    void junkInTheShadowBufferAtConfigurationIsNotTakenAsADoorbell() {
        try (TestHost host = TestHost.enabled(DeviceConfiguration.defaults().withThreaded(threaded))) {
            final Region shadow = host.allocator.allocate(RegionKind.SHADOW_DOORBELL, PAGE, PAGE);
            final Region eventIdx = host.allocator.allocate(RegionKind.EVENT_IDX, PAGE, PAGE);
            fillWords(host, shadow.address(), 9);
            TestHost.expectSuccess(host.configureDoorbellBuffers(shadow.address(), eventIdx.address(), false));
            final long processed = host.device.counters().commandsProcessed();
            for (int i = 0; i < 50; i++) {
                host.device.runOnce();
            }
            assertThat(host.device.counters().commandsProcessed()).isEqualTo(processed);
            TestHost.expectSuccess(host.admin(AdminCommands.getNumberOfQueues()));
        }
    }

    static void fillWords(final TestHost host, final long page, final int value) {
        for (long offset = 0; offset < PAGE; offset += 4) {
            host.memory.writeU32(page + offset, value, StoreMode.PLAIN);
        }
    }

    static int eventIdx(final TestHost host, final DoorbellBuffers buffers, final Doorbell doorbell) {
        return host.memory.readU32(buffers.eventIdxAddress(doorbell), LoadMode.ACQUIRE);
    }

    private static void copyPage(final TestHost host, final long from, final long to) {
        final byte[] bytes = new byte[(int) PAGE];
        host.memory.readBytes(from, bytes, 0, bytes.length);
        host.memory.writeBytes(to, bytes, 0, bytes.length);
    }
}
