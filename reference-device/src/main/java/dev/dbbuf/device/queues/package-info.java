/**
 * The controller's view of submission and completion queues, the MMIO doorbell inbox, and the rule that merges MMIO and shadow doorbell values.
 */
@NullMarked
package dev.dbbuf.device.queues;

import org.jspecify.annotations.NullMarked;
