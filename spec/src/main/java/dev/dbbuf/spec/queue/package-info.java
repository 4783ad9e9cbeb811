/**
 * Queue rings in host memory, from each side: the host writes submissions and reads completions, the controller
 * reads submissions and writes completions. Index bookkeeping only; doorbells are {@link dev.dbbuf.spec.doorbell}.
 */
@NullMarked
package dev.dbbuf.spec.queue;

import org.jspecify.annotations.NullMarked;
