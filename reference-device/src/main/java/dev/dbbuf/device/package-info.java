/**
 * The reference NVMe controller with complete Doorbell Buffer Config support: its device provider, options, hooks and counters.
 */
@NullMarked
package dev.dbbuf.device;

import org.jspecify.annotations.NullMarked;
