/**
 * The conformance kit for Doorbell Buffer Config: verification classes whose every test verifies one
 * {@link dev.dbbuf.spec.requirement.Requirement}, selected plug-ins, and per-requirement verdicts.
 */
@NullMarked
package dev.dbbuf.tck;

import org.jspecify.annotations.NullMarked;
