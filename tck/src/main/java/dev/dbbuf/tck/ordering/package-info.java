/**
 * Memory-ordering checks of plug-ins (DBC-ORD-001 to DBC-ORD-005): a device or driver under test runs under the
 * weak-memory explorer of {@code dbbuf-ordering}, paired with the kit's correct other side, after a sequentially
 * consistent set-up phase.
 */
@NullMarked
package dev.dbbuf.tck.ordering;

import org.jspecify.annotations.NullMarked;
