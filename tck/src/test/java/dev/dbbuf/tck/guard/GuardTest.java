package dev.dbbuf.tck.guard;

import static dev.dbbuf.spec.requirement.Requirement.DBC_EVT_009;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class GuardTest {

    @Test
    void returnsTheAnswer() {
        assertThat(Guard.call(DBC_EVT_009, "answer()", Duration.ofSeconds(5), () -> 7)).isEqualTo(7);
    }

    @Test
    void hangIsAFailureNamingTheCall() {
        final CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> Guard.run(DBC_EVT_009, "device.writeRegister32(0x1000, 1)", Duration.ofMillis(100),
            () -> {
                try {
                    never.await();
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }))
            .isInstanceOf(AssertionFailedError.class)
            .hasMessageStartingWith("DBC-EVT-009: device.writeRegister32(0x1000, 1) expected=an answer within 100 ms "
                + "actual=no answer (hung)");
    }

    @Test
    void exceptionIsAFailureNamingIt() {
        assertThatThrownBy(() -> Guard.call(DBC_EVT_009, "device.readRegister32(0x0)", Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionFailedError.class)
            .hasMessageContaining("actual=threw java.lang.IllegalStateException: boom");
    }
}
