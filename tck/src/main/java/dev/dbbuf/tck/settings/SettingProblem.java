package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * {@code SettingProblem} is one setting whose value the kit rejects.
 *
 * @param key     the setting, e.g. "tck.timeout.ms"
 * @param value   the value given, e.g. "-5"
 * @param allowed what is allowed instead
 */
@API(status = STABLE, since = "0.1")
public record SettingProblem(String key, String value, String allowed) {

    /**
     * The line the error message gives this problem.
     *
     * @return e.g. "-Dtck.timeout.ms=-5 is not allowed: a whole number of milliseconds from 1 to 3600000"
     */
    public String describe() {
        return "-D%s=%s is not allowed; allowed: %s".formatted(key, value, allowed);
    }
}
