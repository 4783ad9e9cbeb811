/**
 * The low-level NVMe host: controller bring-up and reset, an admin queue and I/O queues that submit raw
 * submission queue entries with command identifier tracking, and Doorbell Buffer Config with an injectable
 * EventIdx decision and admin queue style. The reference driver and the kit's probe host are both built on it.
 */
@NullMarked
package dev.dbbuf.driver.host;

import org.jspecify.annotations.NullMarked;
