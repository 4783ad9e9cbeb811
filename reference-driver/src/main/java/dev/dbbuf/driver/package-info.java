/**
 * The reference NVMe host driver: the SPI-facing {@link dev.dbbuf.driver.ReferenceDriver} and its provider, built on
 * the low-level host in {@code dev.dbbuf.driver.host} and the I/O layer in {@code dev.dbbuf.driver.io}.
 */
@NullMarked
package dev.dbbuf.driver;

import org.jspecify.annotations.NullMarked;
