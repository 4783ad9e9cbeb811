package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code RequirementResult} is one requirement's verdict for one implementation, as its verdict file states it.
 *
 * @param id      requirement identifier, e.g. "DBC-EVT-001"
 * @param level   MUST, SHOULD, MAY or INTEROP
 * @param verdict PASS, FAIL, NOT_APPLICABLE or UNTESTED
 * @param message why it failed, was not applicable or untested; null for a pass
 */
@API(status = STABLE, since = "0.1")
public record RequirementResult(String id, String level, String verdict, @Nullable String message) {
}
