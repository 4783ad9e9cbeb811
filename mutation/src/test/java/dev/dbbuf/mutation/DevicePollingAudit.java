package dev.dbbuf.mutation;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The device suite against the reference device polling its shadow entries (POLLING), stepped: the park path and the
 * EventIdx it publishes before it stops polling.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.device")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
@ConfigurationParametersResource("mutation-audit.properties")
@ConfigurationParameter(key = "tck.device.eventIdxPolicy", value = "POLLING")
class DevicePollingAudit {
}
