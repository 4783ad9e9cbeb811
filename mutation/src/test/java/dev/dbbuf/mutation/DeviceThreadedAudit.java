package dev.dbbuf.mutation;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The device suite against the reference device on its own I/O thread (tck.device.threaded=1), with its own policy.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.device")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
@ConfigurationParametersResource("mutation-audit.properties")
@ConfigurationParameter(key = "tck.device.threaded", value = "1")
class DeviceThreadedAudit {
}
