package dev.dbbuf.adapter.nativeabi;

import static dev.dbbuf.spec.requirement.Requirement.DBC_ORD_003;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.Conformance;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code NativeDeviceStressVerification} judges the full fence of an autonomous native controller (DBC-ORD-003) in
 * direct mode, where the weak-memory explorer sees none of its accesses (and schedules no controller with a thread of
 * its own): the controller and a correct native host driver ({@value RealThreadStressJudgement#PARTNER_SETTING})
 * race on real threads over one native block, and every lost
 * doorbell found is counted (see {@link RealThreadStress}). Run it through {@code NativeKit} with
 * {@code -Dtck.native.classes} naming this class.
 *
 * <p>Requirements verified: DBC-ORD-003.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Conformance(KitSide.DEVICE)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class NativeDeviceStressVerification {

    /** Creates the verification; the kit runs it through JUnit. */
    public NativeDeviceStressVerification() {
    }

    @Test
    @Verifies(DBC_ORD_003)
    void stochastic_DBC_ORD_003_noDoorbellLostOnRealThreadsInDirectMode(final KitEnvironment env) {
        RealThreadStressJudgement.judge(env, DBC_ORD_003, false);
    }
}
