/**
 * The EventIdx arithmetic suite: exhaustive and edge-biased checks of an
 * {@link dev.dbbuf.spec.spi.eventidx.EventIdxDecision} against the normative rule, and the kit's own providers for
 * each form of the rule.
 */
@NullMarked
package dev.dbbuf.tck.eventidx;

import org.jspecify.annotations.NullMarked;
