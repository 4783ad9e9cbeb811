package dev.dbbuf.tck.settings;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * A suite as a vendor writes one, around the kit's command verifications: what {@link ReplayLineTest} runs a faulty
 * device through, so the replay line it prints names a suite of this test tree. Its name matches none of surefire's
 * default patterns: it runs only when a replay line asks for it.
 */
@Suite
@SelectClasses(dev.dbbuf.tck.device.DeviceCommandVerification.class)
public class FaultyDeviceReplaySuite {
}
