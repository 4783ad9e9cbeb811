package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.spi.Provider;
import dev.dbbuf.tck.select.ImplementationInfo;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code KitEnvironment} is what a kit test gets from the run: the provider under test, the seed, and the kit's
 * settings (configuration parameters or system properties).
 *
 * <h2>Settings</h2>
 * <ul>
 *   <li>{@code tck.seed}: the run's seed; random if absent, always printed and written to the verdict file.</li>
 *   <li>{@code tck.timeout.ms}: how long a plug-in call may take before it is a FAIL (default 5000).</li>
 *   <li>{@code tck.share}: {@code run} (default) or {@code test}, see {@link #runShared}.</li>
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class KitEnvironment {

    /** Default limit for one plug-in call. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    /** How far {@link #runShared} shares: {@value #SHARE_PER_RUN} (default) or {@value #SHARE_PER_TEST}. */
    public static final String SHARE_SETTING = "tck.share";
    /** One result per launcher run, the first test computes it. */
    public static final String SHARE_PER_RUN = "run";
    /** One result per test: what a mutation tool needs. */
    public static final String SHARE_PER_TEST = "test";

    private final Provider provider;
    private final ImplementationInfo implementation;
    private final long seed;
    private final String testName;
    private final Function<String, @Nullable String> settings;
    private final TestLedger ledger;
    private final Map<String, Object> shared;
    private final Map<String, Object> thisTestOnly = new ConcurrentHashMap<>();

    KitEnvironment(final Provider provider, final ImplementationInfo implementation, final long seed,
                   final String testName, final Function<String, @Nullable String> settings,
                   final TestLedger ledger, final Map<String, Object> shared) {
        this.ledger = ledger;
        this.shared = shared;
        this.provider = provider;
        this.implementation = implementation;
        this.seed = seed;
        this.testName = testName;
        this.settings = settings;
    }

    /**
     * The provider under test.
     *
     * @param type the provider interface of the class's side
     * @param <P>  the provider type
     * @return the provider selected for this run
     * @throws IllegalStateException if the class tests another side
     */
    public <P extends Provider> P provider(final Class<P> type) {
        if (!type.isInstance(provider)) {
            throw new IllegalStateException(
                "verification class asks for a provider of another side: asked=%s selected=%s"
                .formatted(type.getSimpleName(), provider.getClass().getName()));
        }
        return type.cast(provider);
    }

    /**
     * What is under test.
     *
     * @return its identification
     */
    public ImplementationInfo implementation() {
        return implementation;
    }

    /**
     * This test's ledger: report how much a check covered, which cases did not apply, and end a test that checked
     * nothing as UNTESTED.
     *
     * @return the ledger of the running test
     */
    public TestLedger ledger() {
        return ledger;
    }

    /**
     * A result shared by the tests of this launcher run only, computed by the first test that asks for it: an
     * expensive exploration or scenario campaign several requirements judge. It never outlives the run, so a later run
     * in the same JVM (another provider, a mutant under mutation testing) computes its own.
     *
     * <p>With {@code tck.share=test} every test computes its own instead. A mutation tool needs that: it measures
     * which code each test runs on the unmutated implementation and later runs only those tests against a mutant, so
     * a test that reused another's result would be credited with none of the code it judges and never run against
     * a mutant of it.
     *
     * @param owner   the class that computes it, so keys of different classes never meet
     * @param key     identifies the result within the owner, e.g. the scenario, the plug-in and the budgets
     * @param compute computes it
     * @param <T>     its type, the same for every call with the same owner and key
     * @return the result
     */
    @SuppressWarnings("unchecked") // one owner class stores one type per key
    public <T> T runShared(final Class<?> owner, final String key, final Function<String, T> compute) {
        final Map<String, Object> scope = SHARE_PER_TEST.equals(setting(SHARE_SETTING, SHARE_PER_RUN))
            ? thisTestOnly : shared;
        return (T) scope.computeIfAbsent(owner.getName() + "|" + key, k -> compute.apply(key));
    }

    /**
     * The run's seed.
     *
     * @return the value to pass as {@code -Dtck.seed=} to replay
     */
    public long seed() {
        return seed;
    }

    /**
     * A random source derived from the run's seed and a stream name, so that replaying the seed replays each stream
     * whatever else runs.
     *
     * @param stream names the use, e.g. the test or the shared sweep
     * @return a fresh generator
     */
    public SplittableRandom random(final String stream) {
        return new SplittableRandom(seed ^ ((long) stream.hashCode() << 32 | stream.length()));
    }

    /**
     * A random source for this test alone.
     *
     * @return {@link #random(String)} for the test's unique id
     */
    public SplittableRandom random() {
        return random(testName);
    }

    /**
     * The replay hint every randomised failure carries.
     *
     * @return e.g. "seed=42, replay with -Dtck.seed=42"
     */
    public String replay() {
        return "seed=%d, replay with -Dtck.seed=%d".formatted(seed, seed);
    }

    /**
     * A text setting.
     *
     * @param key          the configuration parameter or system property
     * @param defaultValue its value when absent
     * @return the value
     */
    public String setting(final String key, final String defaultValue) {
        final String value = settings.apply(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    /**
     * A numeric setting.
     *
     * @param key          the configuration parameter or system property
     * @param defaultValue its value when absent
     * @return the value
     * @throws IllegalArgumentException if the value is not a number, naming the key
     */
    public long longSetting(final String key, final long defaultValue) {
        final String value = settings.apply(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("kit setting must be a number: %s=%s".formatted(key, value), e);
        }
    }

    /**
     * The limit for one plug-in call.
     *
     * @return {@code tck.timeout.ms}, default {@value #DEFAULT_TIMEOUT_MILLIS} ms
     */
    public Duration timeout() {
        return Duration.ofMillis(longSetting("tck.timeout.ms", DEFAULT_TIMEOUT_MILLIS));
    }
}
