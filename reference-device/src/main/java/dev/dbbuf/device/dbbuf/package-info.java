/**
 * Doorbell Buffer Config state on the controller side: the configured buffers, one shadow slot per doorbell, the EventIdx values each mode publishes, and the polling budget.
 */
@NullMarked
package dev.dbbuf.device.dbbuf;

import org.jspecify.annotations.NullMarked;
