package dev.dbbuf.adapter.qemu;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a QEMU integration test when {@code qemu-system-x86_64} is not on the PATH, or fails it when the build
 * asked for QEMU ({@code -Pqemu} sets {@code dbbuf.qemu.required}).
 */
final class QemuAvailability {

    /** Set by the {@code qemu} Maven profile. */
    static final String REQUIRED_PROPERTY = "dbbuf.qemu.required";

    private QemuAvailability() {
    }

    static void assumeQemu() {
        if (QemuDeviceProvider.available()) {
            return;
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
            fail(QemuDeviceProvider.unavailableMessage() + " and the qemu profile requires it");
        }
        Assumptions.assumeTrue(false, "qemu-system-x86_64 is not on the PATH: QEMU integration test skipped");
    }
}
