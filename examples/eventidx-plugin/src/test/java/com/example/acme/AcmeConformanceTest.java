package com.example.acme;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the kit's EventIdx arithmetic suite against the provider named by {@code tck.eventidx} (see the pom). The
 * verdict file lands in {@code target/conformance/eventidx-acme.json}.
 */
@Suite
@SelectPackages("dev.dbbuf.tck.eventidx")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
class AcmeConformanceTest {
}
