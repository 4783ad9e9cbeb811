/**
 * The controller side of the SPI: a device under test, reached through its BAR0 registers and host memory.
 */
@NullMarked
package dev.dbbuf.spec.spi.device;

import org.jspecify.annotations.NullMarked;
