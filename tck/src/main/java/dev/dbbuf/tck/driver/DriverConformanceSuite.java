package dev.dbbuf.tck.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * {@code DriverConformanceSuite} runs every driver verification against the provider selected with
 * {@code -Dtck.driver=NAME} (default {@code reference}).
 *
 * <p>It checks the host-side rules a driver can show through the SPI: ringing when the EventIdx rule requires
 * (DBC-EVT-003), zeroed slots (DBC-LIF-003), the three fallbacks to MMIO (DBC-FBK-001 to DBC-FBK-005), re-sending
 * after reset (DBC-RST-002, DBC-RST-003) and the declared admin queue style (DBC-ADM-003), among others.
 */
@API(status = STABLE, since = "0.1")
@Suite
@SuiteDisplayName("dbbuf-tck driver conformance")
@SelectPackages("dev.dbbuf.tck.driver")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
public final class DriverConformanceSuite {

    private DriverConformanceSuite() {
    }
}
