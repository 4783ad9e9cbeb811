/**
 * The device suite: a probe host built from the spec module's host-side classes, configurable in how it rings
 * (minimal EventIdx rule, example form, always), how it treats the admin queue, and which memory it offers, and the
 * verification classes that drive a device under test with it.
 */
@NullMarked
package dev.dbbuf.tck.device;

import org.jspecify.annotations.NullMarked;
