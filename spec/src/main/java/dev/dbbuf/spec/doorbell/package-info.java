/**
 * The shadow doorbell protocol itself, host side and controller side, with the barriers each side needs.
 *
 * <p>The protocol is a store-buffering pattern: the host stores the shadow value then loads EventIdx; the controller
 * stores EventIdx then loads the shadow value. Each side needs a full fence between its store and its load, or both
 * can read the other's stale value, the host skips the MMIO write, the controller goes idle, and the queue hangs.
 */
@NullMarked
package dev.dbbuf.spec.doorbell;

import org.jspecify.annotations.NullMarked;
