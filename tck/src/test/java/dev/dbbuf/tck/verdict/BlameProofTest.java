package dev.dbbuf.tck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.tck.device.DeviceEventIdxVerification;
import dev.dbbuf.tck.proof.KitRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that an {@code Error} thrown by an implementation straight into a kit test (no guard in between) is the
 * implementation's failure on the test's requirement, with where it was thrown, not a kit error; the kit's own
 * exceptions are KIT_ERROR ({@code EventIdxSuiteProofTest.exceptionInTheKitsOwnCodeIsAKitErrorNotTheImplementationsFailure}).
 */
class BlameProofTest {

    private static final String EVT_006 = "required_DBC_EVT_006_writesTheSubmissionQueueEventIdx";

    // not a @ShowsFailure: the device fails by throwing, not by the defect DBC-EVT-006 names
    @Test
    void errorThrownByTheDeviceIsItsFailureWithWhereItWasThrown() {
        final KitRun run = KitRun.of(DeviceEventIdxVerification.class, "device", "faulty-native-doorbells",
            Map.of("tck.timeout.ms", "2000"), List.of(EVT_006));

        assertThat(run.failure(EVT_006))
            .startsWith("DBC-EVT-006: device 'faulty-native-doorbells' expected=no exception actual=threw "
                + "java.lang.UnsatisfiedLinkError: 'void dev.dbbuf.native.Doorbells.ring(int, int)'")
            .contains("at dev.dbbuf.tck.verdict.MissingNativeDevice.ringNative(MissingNativeDevice.java:",
                "an exception escaped the implementation")
            .endsWith(". Check: " + Requirement.DBC_EVT_006.ifFailsCheck());
        assertThat(run.verdict("DBC-EVT-006")).isEqualTo("FAIL");
        assertThat(run.verdictJson()).contains("\"KIT_ERROR\": 0");
    }
}
