package dev.dbbuf.spec.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoorbellLayoutTest {

    @ParameterizedTest(name = "DSTRD {0}")
    @ValueSource(ints = {0, 1, 2, 3, 15})
    void entriesInterleaveSqAndCqAtTheStride(final int dstrd) {
        final long stride = 4L << dstrd;
        for (int qid = 0; qid < 70; qid++) {
            assertThat(DoorbellLayout.entryOffset(new Doorbell.SubmissionTail(qid), dstrd)).isEqualTo(2 * qid * stride);
            assertThat(DoorbellLayout.entryOffset(new Doorbell.CompletionHead(qid), dstrd)).isEqualTo((2 * qid + 1) * stride);
            assertThat(DoorbellLayout.registerOffset(new Doorbell.CompletionHead(qid), dstrd))
                .isEqualTo(0x1000 + (2 * qid + 1) * stride);
        }
    }

    @ParameterizedTest(name = "DSTRD {0}")
    @ValueSource(ints = {0, 1, 3})
    void registerOffsetsRoundTrip(final int dstrd) {
        for (int index = 0; index < 300; index++) {
            final Doorbell doorbell = Doorbell.ofIndex(index);
            assertThat(DoorbellLayout.doorbellAt(DoorbellLayout.registerOffset(doorbell, dstrd), dstrd)).contains(doorbell);
        }
        assertThat(DoorbellLayout.doorbellAt(0x0FFC, dstrd)).isEmpty();
        if (dstrd > 0) {
            assertThat(DoorbellLayout.doorbellAt(0x1004, dstrd)).isEmpty();
        }
    }

    @Test
    void tableSizeAndFit() {
        assertThat(DoorbellLayout.bytesNeeded(0, 0)).isEqualTo(8);
        assertThat(DoorbellLayout.bytesNeeded(511, 0)).isEqualTo(4096);
        assertThat(DoorbellLayout.maxQidInPage(4096, 0)).isEqualTo(511);
        assertThat(DoorbellLayout.maxQidInPage(4096, 3)).isEqualTo(63);
        assertThat(DoorbellLayout.maxQidInPage(8192, 0)).isEqualTo(1023);
        assertThat(DoorbellLayout.checkFitsInPage(63, 3, 4096)).isEqualTo(4096);
        assertThatThrownBy(() -> DoorbellLayout.checkFitsInPage(64, 3, 4096))
            .hasMessage("doorbell table must fit in one memory page: maxQid=64 dstrd=3 needed=4160 pageSize=4096");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> DoorbellLayout.stride(16)).hasMessage("CAP.DSTRD must be 0..15: dstrd=16");
        assertThatThrownBy(() -> new Doorbell.SubmissionTail(65536)).hasMessage("queue identifier must be 0..65535: qid=65536");
        assertThat(new Doorbell.CompletionHead(3)).hasToString("CQ3 head");
    }

    @Test
    void pageAlignment() {
        assertThat(MemoryPage.size(0)).isEqualTo(4096);
        assertThat(MemoryPage.size(2)).isEqualTo(16384);
        assertThat(MemoryPage.isAligned(0x3000, 4096)).isTrue();
        assertThat(MemoryPage.isAligned(0x3000, 8192)).isFalse();
        assertThatThrownBy(() -> MemoryPage.checkAligned("PRP1", 0x1800, 4096))
            .hasMessage("PRP1 must be aligned to the memory page size: PRP1=0x1800 pageSize=4096");
    }
}
