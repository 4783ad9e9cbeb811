package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * {@code Setting} is one {@code tck.*} key of the kit: its default and the values it allows, in words and as a check.
 *
 * @param key          e.g. "tck.timeout.ms"
 * @param defaultValue what the kit uses when it is absent, in words
 * @param allowed      the values it allows, in words (the error message quotes it)
 * @param accepts      whether a stripped, non-blank value is allowed
 */
@API(status = STABLE, since = "0.1")
public record Setting(String key, String defaultValue, String allowed, Predicate<String> accepts) {

    /**
     * A whole-number setting.
     *
     * @param key          the key
     * @param defaultValue its default
     * @param min          the smallest value allowed
     * @param max          the largest value allowed
     * @param unit         what the number counts, e.g. "milliseconds"
     * @return the setting
     */
    static Setting wholeNumber(final String key, final String defaultValue, final long min, final long max,
                               final String unit) {
        final String range = max == Long.MAX_VALUE ? "%d or more".formatted(min) : "from %d to %d".formatted(min, max);
        return new Setting(key, defaultValue, "a whole number of %s %s".formatted(unit, range), value -> {
            try {
                final long parsed = Long.parseLong(value);
                return parsed >= min && parsed <= max;
            } catch (final NumberFormatException e) {
                return false;
            }
        });
    }
}
