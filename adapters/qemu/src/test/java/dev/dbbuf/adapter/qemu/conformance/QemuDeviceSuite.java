package dev.dbbuf.adapter.qemu.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The kit's device suite with QEMU's NVMe controller as the device under test. {@link QemuDeviceConformanceTest}
 * launches it in the {@code qemu} profile; its verdicts land in {@code tck/target/conformance/device-qemu.json}, next
 * to the reference implementations' verdicts.
 */
@Suite
@SuiteDisplayName("dbbuf-tck device suite on QEMU")
@SelectPackages("dev.dbbuf.tck.device")
@IncludeClassNamePatterns(".*Verification$")
@ConfigurationParameter(key = "tck.device", value = "qemu")
public class QemuDeviceSuite {
}
