package com.example.acme;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the kit's whole device suite against the provider named by {@code tck.device} (see the pom). The verdict file
 * lands in {@code target/conformance/device-acme-nvme.json}.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.device")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
class AcmeDeviceConformanceTest {
}
