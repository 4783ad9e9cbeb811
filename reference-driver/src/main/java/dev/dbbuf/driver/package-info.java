/**
 * The reference NVMe host driver: the SPI-facing {@link dev.dbbuf.driver.ReferenceDriver} and its provider. Its
 * packages mirror the reference device's: {@code lifecycle} (bring-up, registers, reset), {@code admin} (the admin
 * queue), {@code queues} (I/O queue pairs), {@code doorbells} (Doorbell Buffer Config and doorbell modes),
 * {@code counters} and {@code io} (the SPI queue pair and block I/O).
 */
@NullMarked
package dev.dbbuf.driver;

import org.jspecify.annotations.NullMarked;
