/**
 * The requirement catalogue: every testable rule of Doorbell Buffer Config, with a stable identifier, and where it
 * comes from.
 */
@NullMarked
package dev.dbbuf.spec.requirement;

import org.jspecify.annotations.NullMarked;
