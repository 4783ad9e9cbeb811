package dev.dbbuf.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.memory.FirstFitPageAllocator;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.Region;
import dev.dbbuf.spec.memory.RegionKind;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.nvme.AdminCommands;
import dev.dbbuf.spec.nvme.AdminOpcode;
import dev.dbbuf.spec.nvme.AdminQueueAttributes;
import dev.dbbuf.spec.nvme.ControllerConfiguration;
import dev.dbbuf.spec.nvme.IoCommands;
import dev.dbbuf.spec.nvme.Status;
import dev.dbbuf.spec.spi.AdminQueueStyle;
import java.util.Objects;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe host's bring-up, admin path, failure routing and doorbell switching, against a scripted controller. */
class ProbeCoreTest {

    private static final int LOOKS = 8;

    private final SegmentHostMemory memory = new SegmentHostMemory(1 << 20);

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void enableProgramsTheAdminQueueBeforeCcEnAndAdminCommandsRingByMmio() {
        final ScriptedController controller = new ScriptedController(memory, true, opcode -> Status.SUCCESS);
        final ProbeCore host = host(controller);
        final ProbeQueue admin = host.enable(4);
        host.admin(AdminCommands.setNumberOfQueues(1, 1));
        assertThat(controller.writes).containsExactly(
            "0x24=" + new AdminQueueAttributes(4, 4).encode(),
            "0x28=" + admin.submissionRegion().address(),
            "0x30=" + admin.completionRegion().address(),
            "0x14=" + ControllerConfiguration.enabled(0).encode(),
            "0x1000=1",
            "0x1004=1");
        assertThat(admin.shadowed()).isFalse();
    }

    @Test
    void aControllerThatNeverBecomesReadyEndsInTheUsersWait() {
        final ScriptedController controller = new ScriptedController(memory, false, opcode -> Status.SUCCESS);
        assertThatThrownBy(() -> host(controller).enable(4)).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("CSTS.RDY=1 after CC.EN=1 not within " + LOOKS + " looks");
    }

    @Test
    void aFailedCreateGoesToTheCommandCheckNamingTheQueue() {
        final IntFunction<Status> script = opcode -> opcode == AdminOpcode.CREATE_IO_CQ.code() ? Status.INVALID_FIELD
            : Status.SUCCESS;
        final ProbeCore host = host(new ScriptedController(memory, true, script));
        host.enable(4);
        assertThatThrownBy(() -> host.createQueuePair(1, 8, 8)).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("Create I/O CQ 1 failed");
        assertThat(host.ioQueues()).isEmpty();
    }

    @Test
    void queuesCreatedAfterDoorbellBufferConfigRingThroughTheShadowWhileTheAdminQueueKeepsItsStyle() {
        final ProbeCore host = host(new ScriptedController(memory, true, opcode -> Status.SUCCESS));
        host.enable(4);
        final Region shadow = host.wiring().allocator().allocate(RegionKind.SHADOW_DOORBELL, 4096, 4096);
        final Region eventIdx = host.wiring().allocator().allocate(RegionKind.EVENT_IDX, 4096, 4096);
        assertThat(host.configure(shadow.address(), eventIdx.address()).status().isSuccess()).isTrue();
        final ProbeQueue io = host.createQueuePair(1, 8, 8);
        assertThat(io.shadowed()).isTrue();
        assertThat(host.adminQueue().shadowed()).isFalse();
        io.append(IoCommands.flush(1));
        // EventIdx 0 and an update from 0 to 1: the normative rule asks for the MMIO write
        assertThat(io.ringTail()).isTrue();
        assertThat(memory.readU32(Objects.requireNonNull(host.buffers()).shadowAddress(io.tail()), LoadMode.PLAIN))
            .isEqualTo(1);
    }

    private ProbeCore host(final ScriptedController controller) {
        return new ProbeCore(new ProbeWiring(memory, controller, new FirstFitPageAllocator(memory), 0, 0,
            (what, condition, state) -> {
                for (int look = 0; look < LOOKS; look++) {
                    if (condition.getAsBoolean()) {
                        return;
                    }
                    controller.idle();
                }
                throw new IllegalStateException(what + " not within " + LOOKS + " looks" + state.get());
            },
            (what, done) -> {
                if (!done.status().isSuccess()) {
                    throw new IllegalStateException(what + " failed: " + done.status());
                }
            },
            ShadowRinging.specHost(memory, controller, 0, EventIdxForm.NORMATIVE)), AdminQueueStyle.MMIO_ONLY);
    }
}
