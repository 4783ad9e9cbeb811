package com.example.acme;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the kit's whole driver suite against the provider named by {@code tck.driver} (see the pom), with the kit's
 * reference controller as the probe device. The verdict file lands in {@code target/conformance/driver-acme-host.json}.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.driver")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
class AcmeDriverConformanceTest {
}
