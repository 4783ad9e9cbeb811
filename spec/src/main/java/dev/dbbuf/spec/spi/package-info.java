/**
 * The service provider interface: what a third party implements to put a device, a driver or an EventIdx function
 * under test, and how the kit finds it ({@link java.util.ServiceLoader}, selected by name).
 */
@NullMarked
package dev.dbbuf.spec.spi;

import org.jspecify.annotations.NullMarked;
