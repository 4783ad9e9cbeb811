package dev.dbbuf.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.device.EventIdxMode;
import dev.dbbuf.driver.queues.Anomaly;
import dev.dbbuf.driver.admin.CommandTimeoutException;
import dev.dbbuf.driver.doorbells.DoorbellBufferPages;
import dev.dbbuf.driver.doorbells.DoorbellPolicy;
import dev.dbbuf.driver.lifecycle.HostController;
import dev.dbbuf.driver.queues.HostQueuePair;
import dev.dbbuf.driver.io.BlockIo;
import dev.dbbuf.driver.io.ReferenceQueuePair;
import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.CompletionQueueEntry;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.nvme.SubmissionQueueEntry;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import dev.dbbuf.spec.spi.device.DeviceConfiguration;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.spec.spi.driver.DoorbellMode;
import dev.dbbuf.spec.spi.driver.NvmeCommandException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The low-level host the kit's probe host builds on: raw admin commands, error messages, timeouts with recovery,
 * untrusted completions, shadow slot zeroing, injectable EventIdx decisions.
 */
class LowLevelHostTest {

    @Test
    void rawAdminCommandsReturnTheControllersStatusWithoutAnException() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final HostController host = h.driver.host();
            final Region page = h.allocator.allocate(RegionKind.SHADOW_DOORBELL, 8192, 4096);
            final CompletionQueueEntry unaligned = host.admin().execute(
                AdminCommands.doorbellBufferConfig(page.address() + 64, page.address() + 4096));
            assertThat(unaligned.status().sameCode(Status.INVALID_FIELD)).as("%s", unaligned).isTrue();
            final CompletionQueueEntry unknown = host.admin().execute(SubmissionQueueEntry.of(0xC5, 0, 0, 0));
            assertThat(unknown.status().sameCode(Status.INVALID_COMMAND_OPCODE)).as("%s", unknown).isTrue();
            assertThat(h.driver.doorbellMode()).as("a failed raw 0x7C leaves the accepted buffers").isEqualTo(DoorbellMode.SHADOW);
        }
    }

    @Test
    void controllerErrorsBecomeExceptionsNamingTheCommandAndStatus() {
        try (Harness h = Harness.of(DeviceConfiguration.defaults().withMaxQueueDepth(64),
            DoorbellPolicy.defaults()).initialized()) {
            assertThatThrownBy(() -> h.driver.createQueuePair(65))
                .isInstanceOf(NvmeCommandException.class)
                .hasMessage("Create I/O CQ qid=1 depth=65 failed: Invalid Queue Size (SCT 0x1, SC 0x02, DNR)")
                .extracting(e -> ((NvmeCommandException) e).status()).isEqualTo(Status.INVALID_QUEUE_SIZE);
            final ReferenceQueuePair pair = h.driver.createQueuePair(64);
            assertThat(pair.qid()).isEqualTo(1);
            final BlockIo io = h.driver.blockIo(pair, 1);
            assertThatThrownBy(() -> io.read(1L << 40, 1))
                .isInstanceOf(NvmeCommandException.class)
                .hasMessageStartingWith("Read nsid=1 lba=1099511627776 blocks=1 failed: LBA Out of Range");
        }
    }

    @Test
    void aControllerThatStopsAnsweringTimesOutAndIsRecoveredByAReset() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(16);
            final BlockIo io = h.driver.blockIo(pair, 1);
            final BlockModel model = new BlockModel(512);
            model.write(io, 0, 4, 0);
            final int idlesToTimeout = (int) (Harness.TIMEOUT.toNanos() / Harness.DevicePort.FROZEN_IDLE_NANOS);
            h.port.freeze(idlesToTimeout + 10);
            assertThatThrownBy(() -> io.read(0, 1))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageStartingWith("Read nsid=1 lba=0 blocks=1 timed out: timeout=PT5S qid=" + pair.qid());
            assertThat(h.driver.doorbellMode()).isEqualTo(DoorbellMode.SHADOW);
            model.write(io, 4, 4, 1);
            model.verify(io);

            h.port.freeze(idlesToTimeout + 10);
            assertThatThrownBy(() -> h.driver.createQueuePair(8))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageStartingWith("Create I/O CQ qid=2 depth=8 timed out");
            final ReferenceQueuePair second = h.driver.createQueuePair(8);
            assertThat(second.qid()).isEqualTo(2);
            model.verify(h.driver.blockIo(second, 1));
        }
    }

    @Test
    void completionsWithUnknownCommandIdsOrImpossibleSqHeadsAreRecordedNotTrusted() {
        try (Harness h = Harness.of(Harness.options(EventIdxMode.EVENT_DRIVEN)).initialized()) {
            final HostQueuePair<String> pair = h.driver.host().createQueuePair(1, 4);
            final long cq = pair.completionQueue().address();
            // a completion the controller never sent, for a command never submitted, with an SQ head beyond the depth
            new CompletionQueueEntry(0, 9, 1, 0x1234, Status.SUCCESS, true).post(h.memory, cq);
            new CompletionQueueEntry(0, 0, 1, 0x4321, Status.SUCCESS, true).post(h.memory, cq + 16);
            assertThat(pair.reap()).isEmpty();
            assertThat(h.driver.anomalies().recorded()).extracting(Anomaly::kind).containsExactly(
                Anomaly.Kind.IMPOSSIBLE_SQ_HEAD, Anomaly.Kind.UNKNOWN_COMMAND_ID, Anomaly.Kind.UNKNOWN_COMMAND_ID);
            assertThat(pair.outstanding()).isZero();
        }
    }

    @Test
    void aRecreatedQidStartsFromZeroedShadowSlots() {
        try (Harness h = Harness.of(false, EventIdxPolicy.EVENT_DRIVEN, DoorbellPolicy.defaults()).initialized()) {
            final HostController host = h.driver.host();
            final DoorbellBufferPages pages = host.doorbellBufferPages().orElseThrow();
            final ReferenceQueuePair pair = h.driver.createQueuePair(100);
            final BlockIo io = h.driver.blockIo(pair, 1);
            final BlockModel model = new BlockModel(512);
            for (int i = 0; i < 7; i++) {
                model.write(io, i, 1, 0);
            }
            final long tailSlot = pages.buffers().shadowAddress(new Doorbell.SubmissionTail(pair.qid()));
            assertThat(h.memory.readU32(tailSlot, LoadMode.VOLATILE)).as("shadow tail in use").isEqualTo(7);
            h.driver.deleteQueuePair(pair);
            assertThat(h.memory.readU32(tailSlot, LoadMode.VOLATILE)).as("zeroed after delete").isZero();
            final ReferenceQueuePair again = h.driver.createQueuePair(3);
            assertThat(again.qid()).isEqualTo(pair.qid());
            model.verify(h.driver.blockIo(again, 1));
            assertThat(h.driver.anomalies().count()).isZero();
        }
    }

    @Test
    void theEventIdxDecisionIsInjectable() {
        try (Harness h = Harness.of(false, EventIdxPolicy.POLLING,
            DoorbellPolicy.defaults().withDecision(EventIdxForm.ALWAYS)).initialized()) {
            final ReferenceQueuePair pair = h.driver.createQueuePair(16);
            final BlockIo io = h.driver.blockIo(pair, 1);
            for (int i = 0; i < 20; i++) {
                io.write(i, new byte[512]);
            }
            assertThat(h.driver.counters().mmioDoorbellWrites(pair.qid()))
                .as("an always-ring host writes every tail update to MMIO")
                .isGreaterThanOrEqualTo(h.driver.counters().commandsSubmitted(pair.qid()));
        }
    }

    @Test
    void theDriverIsFoundByItsProviderName() {
        final var provider = dev.dbbuf.spec.spi.Providers.named(dev.dbbuf.spec.spi.driver.DriverProvider.class,
            "reference");
        try (var driver = provider.create(dev.dbbuf.spec.spi.driver.DriverConfiguration.defaults())) {
            assertThat(driver).isInstanceOf(ReferenceDriver.class);
            assertThat(driver.doorbellMode()).isEqualTo(DoorbellMode.OFFLINE);
            assertThat(driver.capabilities().maxQueueDepth()).isEqualTo(65536);
        }
        assertThat(Duration.ofSeconds(5)).isEqualTo(Harness.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(AdminQueueStyle.class)
    void theAdminQueueStyleDecidesWhetherAdminDoorbellsUseTheShadowBuffer(final AdminQueueStyle style) {
        try (Harness h = Harness.of(false, EventIdxPolicy.POLLING, DoorbellPolicy.defaults().withAdminQueueStyle(style))
            .initialized()) {
            final HostController host = h.driver.host();
            final DoorbellBufferPages pages = host.doorbellBufferPages().orElseThrow();
            final Region data = h.allocator.allocate(RegionKind.DATA_IN, 4096, 4096);
            final long before = h.driver.counters().mmioDoorbellWrites(0);
            final int commands = 20;
            for (int i = 0; i < commands; i++) {
                host.admin().executeOrThrow(AdminCommands.identify(1, 0, data.address()));
            }
            final long mmio = h.driver.counters().mmioDoorbellWrites(0) - before;
            final int shadowTail = h.memory.readU32(pages.buffers().shadowAddress(new Doorbell.SubmissionTail(0)),
                LoadMode.VOLATILE);
            if (style == AdminQueueStyle.MMIO_ONLY) {
                assertThat(mmio).as("one tail and one head write per command").isEqualTo(2L * commands);
                assertThat(shadowTail).as("the admin shadow entry is never written").isZero();
            } else {
                assertThat(mmio).as("a polling controller needs few admin MMIO writes").isLessThan(commands);
                assertThat(shadowTail).as("the admin shadow tail follows the queue").isNotZero();
            }
        }
    }
}
