package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code TestResult} is one kit test behind a requirement's verdict, as its verdict file states it.
 *
 * @param name           e.g. "DeviceCommandVerification.required_DBC_CMD_001_oacsBit8MatchesTheDeclaredSupport"
 * @param outcome        PASSED, FAILED, NOT_APPLICABLE, UNTESTED or another outcome of the kit
 * @param durationMillis how long it ran
 * @param message        what it found; null for a pass
 */
@API(status = STABLE, since = "0.1")
public record TestResult(String name, String outcome, long durationMillis, @Nullable String message) {
}
