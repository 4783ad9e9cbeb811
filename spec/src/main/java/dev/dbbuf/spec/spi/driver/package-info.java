/**
 * The host side of the SPI: a driver under test, given the kit's controller port and host memory.
 */
@NullMarked
package dev.dbbuf.spec.spi.driver;

import org.jspecify.annotations.NullMarked;
