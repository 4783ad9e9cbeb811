/**
 * The EventIdx part of the SPI: a host's "must I ring the MMIO doorbell?" function alone, so the kit can fuzz its
 * arithmetic in isolation.
 */
@NullMarked
package dev.dbbuf.spec.spi.eventidx;

import org.jspecify.annotations.NullMarked;
