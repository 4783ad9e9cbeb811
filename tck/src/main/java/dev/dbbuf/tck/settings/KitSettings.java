package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.spi.Provider;
import dev.dbbuf.spec.spi.ProviderException;
import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.spec.spi.device.EventIdxPolicy;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.trace.KitEnvironment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code KitSettings} is the one list of the kit's settings and their ranges, and the check a run passes before its
 * first test: a value out of range, a provider name nobody registered, or a {@code tck.*} key the kit does not know is
 * rejected with the setting, the value and what is allowed.
 *
 * <p>Providers the kit registers for its own proofs (the deliberately faulty and the legitimately different
 * implementations of its test tree) are accepted but not offered: they live in the kit's packages but not in its jar.
 */
@API(status = STABLE, since = "0.1")
public final class KitSettings {

    private static final long HOUR_MILLIS = 3_600_000;
    private static final String PREFIX = "tck.";
    /** The kit's own packages: providers there that are not in the kit's jar are its proofs' test doubles. */
    private static final String KIT_PACKAGES = "dev.dbbuf.tck.";

    /** Every setting other than the three provider selections, in the order of the tck README's table. */
    public static final List<Setting> SETTINGS = List.of(
        new Setting("tck.seed", "random", "a whole number from %d to %d (a Java long)".formatted(Long.MIN_VALUE,
            Long.MAX_VALUE), KitSettings::isLong),
        Setting.wholeNumber("tck.timeout.ms", "5000", 1, HOUR_MILLIS, "milliseconds"),
        new Setting("tck.conformance.dir", "target/conformance", "a directory path", KitSettings::isPath),
        new Setting("tck.strict", "false", "true or false", v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")),
        new Setting("tck.catalogue.url", "the catalogue embedded in the report", "a URL or a path",
            v -> !v.contains(" ")),
        Setting.wholeNumber("tck.eventidx.exhaustiveDepth", "256", 2, 65_536, "queue entries"),
        Setting.wholeNumber("tck.eventidx.samples", "1000000", 0, Integer.MAX_VALUE, "inputs"),
        Setting.wholeNumber("tck.eventidx.windows", "64", 0, Integer.MAX_VALUE, "windows"),
        Setting.wholeNumber("tck.eventidx.translations", "200000", 0, Integer.MAX_VALUE, "inputs"),
        Setting.wholeNumber("tck.eventidx.batchLimit.ms", "120000", 1, HOUR_MILLIS, "milliseconds"),
        new Setting("tck.device.threaded", "0", "0 (a stepped device) or 1 (a threaded device)",
            v -> v.equals("0") || v.equals("1")),
        new Setting("tck.device.eventIdxPolicy", "the device's own",
            "one of " + Arrays.toString(EventIdxPolicy.values()), KitSettings::isPolicy),
        Setting.wholeNumber("tck.scenario.count", "200", 0, Integer.MAX_VALUE, "scenarios"),
        Setting.wholeNumber("tck.scenario.index", "unset", 0, Integer.MAX_VALUE - 1, "(a generated scenario's index, from 0)"),
        Setting.wholeNumber("tck.scenario.budget.ms", "20000", 1, 24 * HOUR_MILLIS, "milliseconds"),
        Setting.wholeNumber("tck.scenario.shrink.replays", "400", 0, Integer.MAX_VALUE, "replays"),
        Setting.wholeNumber("tck.scenario.shrink.ms", "20000", 0, 24 * HOUR_MILLIS, "milliseconds"),
        Setting.wholeNumber("tck.scenario.minimum", "50", 0, Integer.MAX_VALUE, "scenarios"),
        Setting.wholeNumber("tck.ordering.executions", "200", 1, Long.MAX_VALUE, "executions"),
        Setting.wholeNumber("tck.ordering.runs", "300", 0, Integer.MAX_VALUE, "runs"),
        new Setting(KitEnvironment.SHARE_SETTING, KitEnvironment.SHARE_PER_RUN, "run (one scenario campaign and "
            + "ordering exploration per run) or test (one per test, for mutation tools)",
            v -> v.equals(KitEnvironment.SHARE_PER_RUN) || v.equals(KitEnvironment.SHARE_PER_TEST)));

    private KitSettings() {
    }

    /**
     * Checks every setting a run sees.
     *
     * @param lookup    the run's value of a key (configuration parameter or system property), empty if unset
     * @param candidates keys that may be set although the kit does not know them (the {@code tck.*} system properties)
     * @return every rejected setting, empty if the run may start
     */
    public static List<SettingProblem> check(final Function<String, Optional<String>> lookup,
                                             final Collection<String> candidates) {
        final List<SettingProblem> problems = new ArrayList<>();
        for (final KitSide side : KitSide.values()) {
            lookup.apply(side.selectionProperty()).map(String::strip)
                .flatMap(name -> checkProvider(side, name)).ifPresent(problems::add);
        }
        for (final Setting setting : SETTINGS) {
            lookup.apply(setting.key()).map(String::strip).filter(v -> !v.isEmpty())
                .filter(v -> !setting.accepts().test(v))
                .ifPresent(v -> problems.add(new SettingProblem(setting.key(), v, setting.allowed()
                    + " (default " + setting.defaultValue() + ")")));
        }
        final List<String> known = knownKeys();
        candidates.stream().filter(KitSettings::inKitNamespace).filter(k -> !known.contains(k)).sorted()
            .forEach(k -> lookup.apply(k).ifPresent(v -> problems.add(new SettingProblem(k, v,
                "no such setting; the kit's settings are " + String.join(", ", known)))));
        return problems;
    }

    // the adapters shipped with the kit read their own keys (tck.native.library, ...); any other unknown tck.* key is
    // a misspelling (tck.timout.ms) and stops the run
    private static final List<String> ADAPTER_NAMESPACES = List.of("tck.native.", "tck.qemu.");

    private static boolean inKitNamespace(final String key) {
        return key.startsWith(PREFIX) && ADAPTER_NAMESPACES.stream().noneMatch(key::startsWith);
    }

    /**
     * Every key the kit reads.
     *
     * @return the provider selections, then {@link #SETTINGS}
     */
    public static List<String> knownKeys() {
        final List<String> keys = new ArrayList<>();
        Arrays.stream(KitSide.values()).map(KitSide::selectionProperty).forEach(keys::add);
        SETTINGS.stream().map(Setting::key).forEach(keys::add);
        return keys;
    }

    private static Optional<SettingProblem> checkProvider(final KitSide side, final String name) {
        final List<? extends Provider> providers;
        try {
            providers = Providers.all(side.providerType());
        } catch (final ProviderException e) {
            return Optional.of(new SettingProblem(side.selectionProperty(), name,
                "a provider that loads, but loading them failed: " + e.getMessage()));
        }
        if (providers.stream().anyMatch(p -> p.name().equals(name))) {
            return Optional.empty();
        }
        final String offered = providers.stream().filter(p -> !internal(p)).map(Provider::name)
            .collect(Collectors.joining(", "));
        return Optional.of(new SettingProblem(side.selectionProperty(), name,
            "the name of a registered %s: [%s] (register yours in META-INF/services/%s)".formatted(
                side.providerType().getSimpleName(), offered, side.providerType().getName())));
    }

    /**
     * Whether a provider is one of the kit's own test doubles: in the kit's packages, but not shipped in its jar.
     *
     * @param provider a registered provider
     * @return true for the kit's faulty and legitimately different implementations of its proofs
     */
    static boolean internal(final Provider provider) {
        final Class<?> type = provider.getClass();
        return (type.getPackageName() + ".").startsWith(KIT_PACKAGES)
            && !Objects.equals(location(type), location(KitSettings.class));
    }

    private static Optional<String> location(final Class<?> type) {
        return Optional.ofNullable(type.getProtectionDomain().getCodeSource()).map(CodeSource::getLocation)
            .map(Object::toString);
    }

    private static boolean isLong(final String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (final NumberFormatException e) {
            return false;
        }
    }

    private static boolean isPath(final String value) {
        try {
            Path.of(value);
            return true;
        } catch (final InvalidPathException e) {
            return false;
        }
    }

    private static boolean isPolicy(final String value) {
        return Arrays.stream(EventIdxPolicy.values()).anyMatch(p -> p.name().equals(value));
    }
}
