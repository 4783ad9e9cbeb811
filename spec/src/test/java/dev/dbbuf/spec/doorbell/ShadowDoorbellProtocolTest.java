package dev.dbbuf.spec.doorbell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.layout.Doorbell;
import dev.dbbuf.spec.memory.LoadMode;
import dev.dbbuf.spec.memory.SegmentHostMemory;
import dev.dbbuf.spec.memory.StoreMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShadowDoorbellProtocolTest {

    private static final long SHADOW = 0x1000;
    private static final long EVENT_IDX = 0x2000;
    private final SegmentHostMemory real = new SegmentHostMemory(0x4000);
    private final RecordingMemory memory = new RecordingMemory(real);
    private final DoorbellBuffers buffers = new DoorbellBuffers(SHADOW, EVENT_IDX, 1);
    private final Doorbell sq2 = new Doorbell.SubmissionTail(2);

    @AfterEach
    void close() {
        real.close();
    }

    @Test
    void hostStoresThenFullFenceThenLoadsEventIdx() {
        final HostShadowDoorbell host = new HostShadowDoorbell(memory, buffers, sq2, 300, EventIdxForm.NORMATIVE);
        host.update(5);
        // SQ2 tail at 2*2*(4<<1) = 32 in both buffers
        assertThat(memory.log).containsExactly(
            "load 0x1020 PLAIN", "store 0x1020=5 RELEASE", "fence FULL", "load 0x2020 ACQUIRE");
    }

    @Test
    void hostRingsExactlyWhenTheUpdatePassesEventIdx() {
        final HostShadowDoorbell host = new HostShadowDoorbell(memory, buffers, sq2, 300, EventIdxForm.NORMATIVE);
        real.writeU32(buffers.eventIdxAddress(sq2), 0, StoreMode.PLAIN);
        assertThat(host.update(1)).as("0 -> 1 passes ev 0").isTrue();
        assertThat(host.update(2)).as("1 -> 2 does not pass ev 0").isFalse();
        real.writeU32(buffers.eventIdxAddress(sq2), 299, StoreMode.PLAIN);
        assertThat(host.update(298)).isFalse();
        assertThat(host.update(3)).as("298 -> 3 wraps past ev 299").isTrue();
        assertThat(real.readU32(buffers.shadowAddress(sq2), LoadMode.PLAIN)).isEqualTo(3);
    }

    @Test
    void hostAlwaysRingsWhenEventIdxCarriesNoPosition() {
        final HostShadowDoorbell host = new HostShadowDoorbell(memory, buffers, sq2, 300, EventIdxForm.NORMATIVE);
        real.writeU32(buffers.eventIdxAddress(sq2), 0xFFFF_FFFF, StoreMode.PLAIN);
        assertThat(host.update(1)).isTrue();
        assertThat(host.update(2)).isTrue();
        assertThatThrownBy(() -> host.update(300)).hasMessage("new must be a queue index below the depth: new=300 depth=300");
    }

    @Test
    void controllerPublishesEventIdxFencesAndRereadsNeverWritingTheShadow() {
        final ControllerShadowDoorbell controller = new ControllerShadowDoorbell(memory, buffers, new Doorbell.CompletionHead(1));
        real.writeU32(SHADOW + 24, 17, StoreMode.PLAIN);
        assertThat(controller.publishEventIdx(16)).isEqualTo(17);
        assertThat(memory.log).containsExactly("store 0x2018=16 RELEASE", "fence FULL", "load 0x1018 ACQUIRE");
        assertThat(controller.readShadow()).isEqualTo(17);
        assertThat(memory.log).noneMatch(s -> s.startsWith("store 0x1"));
    }
}
