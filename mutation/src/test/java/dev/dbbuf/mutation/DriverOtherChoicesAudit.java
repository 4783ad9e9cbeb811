package dev.dbbuf.mutation;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The driver suite against the reference driver making its other legitimate choices ({@link
 * OtherChoicesReferenceDriver}: 0x7C after the I/O queues, shadowed admin queue, a CQ head update per sweep), with the
 * reference device as the probe controller.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.driver")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
@ConfigurationParametersResource("mutation-audit.properties")
@ConfigurationParameter(key = "tck.device", value = "reference")
@ConfigurationParameter(key = "tck.driver", value = OtherChoicesReferenceDriver.NAME)
class DriverOtherChoicesAudit {
}
