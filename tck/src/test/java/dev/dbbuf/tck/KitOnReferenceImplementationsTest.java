package dev.dbbuf.tck;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every kit verification shipped in the main jar against the providers the build selects (the reference
 * implementations by default), so the module's own {@code mvn verify} writes verdict files to target/conformance.
 */
@Suite
@SuiteDisplayName("dbbuf-tck on the selected providers")
@SelectPackages("dev.dbbuf.tck")
@IncludeClassNamePatterns(".*(Verification|Rules)$")
class KitOnReferenceImplementationsTest {
}
