/**
 * The kit's probe host: one bring-up (CC.EN, CSTS.RDY, the admin queue), admin commands, I/O queue pairs and the
 * ringing styles (MMIO, the shadow buffer with the EventIdx rule, or both: the shadow buffer and an MMIO write every
 * time, with an always-ring decision), built from the spec module's host-side classes. The device suite, the
 * ordering set-up, the reference device's tests, the QEMU adapter's tests and the benchmarks drive controllers with
 * it; each adds only what it checks (the kit: guarded memory, adversarial EventIdx handling, verdicts) through
 * {@link dev.dbbuf.probe.ProbeWait}, {@link dev.dbbuf.probe.CommandCheck} and
 * {@link dev.dbbuf.probe.ShadowRinging}.
 *
 * <p>The reference driver ({@code dbbuf-reference-driver}) does not use this package and this package does not use it:
 * the kit never judges a driver with the driver's own code, nor a device with the driver.
 */
@NullMarked
package dev.dbbuf.probe;

import org.jspecify.annotations.NullMarked;
