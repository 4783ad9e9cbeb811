package dev.dbbuf.tck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.tck.eventidx.EventIdxArithmeticVerification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's proofs choose their own providers and settings: the {@code -Dtck.*} system properties of a user's run
 * (here a provider nobody registered and a timeout the kit rejects) reach the user's run, never a proof.
 */
class ProofIsolationTest {

    @Test
    void proofRunIgnoresTheUsersKitSystemProperties() {
        System.setProperty("tck.eventidx", "does-not-exist");
        System.setProperty("tck.timeout.ms", "-5");
        try {
            final KitRun run = KitRun.of(EventIdxArithmeticVerification.class, "eventidx", "faulty-no-wrap",
                Map.of("tck.eventidx.exhaustiveDepth", "8"),
                List.of("required_DBC_EVT_001_ringsWheneverRuleRequiresForEveryInputUpToDepth256"));

            assertThat(run.verdict("DBC-EVT-001")).isEqualTo("FAIL");
            assertThat(run.verdictJson()).contains("\"name\": \"faulty-no-wrap\"").doesNotContain("does-not-exist");
        } finally {
            System.clearProperty("tck.eventidx");
            System.clearProperty("tck.timeout.ms");
        }
    }
}
