package dev.dbbuf.tck.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.requirement.Level;
import dev.dbbuf.spec.spi.Provider;
import dev.dbbuf.spec.spi.Providers;
import dev.dbbuf.tck.Verifies;
import dev.dbbuf.tck.guard.PluginMisbehaviour;
import dev.dbbuf.tck.guard.ThrowSite;
import dev.dbbuf.tck.select.ImplementationInfo;
import dev.dbbuf.tck.select.KitSide;
import dev.dbbuf.tck.verdict.FailureMessage;
import dev.dbbuf.tck.verdict.Finding;
import dev.dbbuf.tck.verdict.Outcome;
import dev.dbbuf.tck.verdict.TestRecord;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@code ConformanceExtension} selects the provider under test for a {@link Conformance} class, hands tests a
 * {@link KitEnvironment}, and records each test's outcome against its {@link Verifies} requirement in the run's
 * {@link ConformanceRun}.
 *
 * <p>A provider that cannot be found or loaded does not stop the run: each test of the class then FAILs with the
 * selection message, so the verdict file says what went wrong.
 *
 * <p>A test annotated {@code @Verifies(DBC_EVT_001)} feeds the verdict of DBC-EVT-001; a test without the annotation
 * is not traced.
 *
 * <p>A SHOULD rule that is not met is legal behaviour with a cost (an extra MMIO trap, say), so by default it does not
 * break the build: the requirement's verdict is FAIL, and the test is reported to JUnit as aborted with the finding
 * and a note. {@value #STRICT_SETTING}{@code =true} makes such a test fail like any other. A plug-in that throws or
 * hangs in a SHOULD test fails in either mode.
 *
 * <p>Each test gets a {@link TestLedger}: its coverage facts and not-applicable cases go to the verdict, and the kit's
 * observers append every rule finding to it as they see it. When the plug-in stops making progress in a test (a
 * {@link PluginMisbehaviour} without a cause: a hang, a timeout, a stuck stepped device; an exception the plug-in threw
 * is its own defect) after a finding of another binding
 * requirement, the test is BLOCKED by that finding, its root cause: JUnit sees it failed with "blocked by
 * DBC-...: ..." first, and the root requirement is FAIL with the finding. An exception thrown by the kit's own code is
 * KIT_ERROR ({@link ThrowSite}); one thrown by the implementation is its failure, with where it was thrown.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConformanceExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    TestWatcher, TestExecutionExceptionHandler, ParameterResolver {

    /** {@code true} fails the build on a SHOULD rule that is not met; by default it is advisory. */
    public static final String STRICT_SETTING = "tck.strict";
    /** What follows an advisory finding in the aborted test's message. */
    public static final String ADVISORY_NOTE = "[SHOULD, advisory: the verdict is FAIL and the build goes on; -D"
        + STRICT_SETTING + "=true makes it fail]";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
        ConformanceExtension.class);
    private static final String RUN = "run";
    private static final String SELECTION = "selection";
    private static final String STARTED = "started";
    private static final String ADVISORY = "advisory";
    private static final String LEDGER = "ledger";
    private static final String PREVIOUS_LEDGER = "previousLedger";
    private static final String BLOCKED = "blocked";
    private static final String KIT_ERROR = "kitError";

    @Override
    public void beforeAll(final ExtensionContext context) {
        final KitSide side = side(context);
        final ConformanceRun run = run(context);
        final String name = context.getConfigurationParameter(side.selectionProperty())
            .orElse(KitSide.DEFAULT_PROVIDER);
        Selection selection;
        try {
            final Provider provider = Providers.named(side.providerType(), name);
            selection = new Selection(side, provider, ImplementationInfo.of(side, provider), null);
        } catch (final RuntimeException e) {
            selection = new Selection(side, null, new ImplementationInfo(side, name, "unknown", "not loaded"),
                "%s provider could not be selected: %s=%s: %s".formatted(side.key(), side.selectionProperty(), name,
                    e.getMessage()));
        }
        run.register(selection.implementation());
        context.getStore(NAMESPACE).put(SELECTION, selection);
    }

    @Override
    public void beforeEach(final ExtensionContext context) {
        context.getStore(NAMESPACE).put(STARTED, System.nanoTime());
        final TestLedger ledger = new TestLedger();
        context.getStore(NAMESPACE).put(LEDGER, ledger);
        final TestLedger previous = TestLedger.bind(ledger);
        if (previous != null) {
            context.getStore(NAMESPACE).put(PREVIOUS_LEDGER, previous);
        }
        final Selection selection = selection(context);
        if (selection.failure() != null) {
            throw new AssertionFailedError(selection.failure());
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        TestLedger.restore(context.getStore(NAMESPACE).get(PREVIOUS_LEDGER, TestLedger.class));
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext,
                                     final ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KitEnvironment.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext,
                                   final ExtensionContext extensionContext) {
        final Selection selection = selection(extensionContext);
        final Provider provider = selection.provider();
        if (provider == null) {
            throw new AssertionFailedError(String.valueOf(selection.failure()));
        }
        return new KitEnvironment(provider, selection.implementation(), run(extensionContext).seed(),
            extensionContext.getUniqueId(), key -> extensionContext.getConfigurationParameter(key).orElse(null),
            ledger(extensionContext), run(extensionContext).shared());
    }

    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable {
        final Verifies verifies = context.getRequiredTestMethod().getAnnotation(Verifies.class);
        final Throwable failure = blame(context, verifies, throwable);
        if (verifies != null && RootCause.stalled(failure)) {
            final Optional<Finding> root = RootCause.earlierFinding(ledger(context), verifies.value());
            if (root.isPresent()) {
                context.getStore(NAMESPACE).put(BLOCKED, root.get());
                throw new AssertionFailedError(RootCause.blockedMessage(root.get(), describe(failure)), failure);
            }
        }
        if (failure != throwable) {
            throw failure;
        }
        // only the kit's own findings are advisory: a plug-in's throw or hang is a defect whatever the rule's level
        final boolean finding = throwable instanceof AssertionError && !(throwable instanceof PluginMisbehaviour);
        if (verifies == null || verifies.value().level() != Level.SHOULD || !finding || strict(context)) {
            throw throwable;
        }
        final String message = describe(throwable);
        context.getStore(NAMESPACE).put(ADVISORY, message);
        throw new TestAbortedException(message + " " + ADVISORY_NOTE, throwable);
    }

    /**
     * Places an exception that reached the test unwrapped: the kit's own is a KIT_ERROR, the implementation's is its
     * failure, named with where it was thrown.
     */
    private Throwable blame(final ExtensionContext context, final @Nullable Verifies verifies,
                            final Throwable throwable) {
        if (throwable instanceof AssertionError || throwable instanceof TestAbortedException) {
            return throwable;
        }
        final Selection selection = selection(context);
        if (throwable instanceof TimeoutException && verifies != null) {
            // JUnit's own time limit on the test: the plug-in stopped making progress, whatever frame JUnit saw
            return new PluginMisbehaviour(FailureMessage.of(verifies.value(), selection.side().key() + " '"
                + selection.implementation().name() + "'", "the test within its time limit",
                "timed out: " + throwable.getMessage(), "the implementation stopped making progress"));
        }
        final Provider provider = selection.provider();
        final ThrowSite site = ThrowSite.of(throwable, provider == null ? Object.class : provider.getClass());
        if (site.kit()) {
            final String message = "KIT_ERROR: the kit's own code threw " + throwable + " at " + site.where()
                + "; the implementation is not blamed and nothing is concluded about "
                + (verifies == null ? "this rule" : verifies.value().id()) + " (report it with the seed)";
            context.getStore(NAMESPACE).put(KIT_ERROR, message);
            return new AssertionFailedError(message, throwable);
        }
        if (verifies == null) {
            return throwable;
        }
        return new PluginMisbehaviour(FailureMessage.of(verifies.value(), selection.side().key() + " '"
            + selection.implementation().name() + "'", "no exception", "threw " + throwable,
            "at " + site.where() + ", an exception escaped the implementation"), throwable);
    }

    @Override
    public void testSuccessful(final ExtensionContext context) {
        record(context, Outcome.PASSED, null);
    }

    @Override
    public void testFailed(final ExtensionContext context, final @Nullable Throwable cause) {
        final ExtensionContext.Store store = context.getStore(NAMESPACE);
        final Outcome outcome = store.get(BLOCKED) != null ? Outcome.BLOCKED
            : store.get(KIT_ERROR) != null ? Outcome.KIT_ERROR : Outcome.FAILED;
        record(context, outcome, describe(cause));
    }

    @Override
    public void testAborted(final ExtensionContext context, final @Nullable Throwable cause) {
        final String advisory = context.getStore(NAMESPACE).get(ADVISORY, String.class);
        if (advisory != null) {
            record(context, Outcome.FAILED, advisory);
            return;
        }
        final boolean untested = context.getRequiredTestMethod().getName().startsWith("untested_")
            || cause instanceof NothingChecked;
        record(context, untested ? Outcome.UNTESTED : Outcome.NOT_APPLICABLE, describe(cause));
    }

    @Override
    public void testDisabled(final ExtensionContext context, final Optional<String> reason) {
        record(context, Outcome.UNTESTED, "disabled: " + reason.orElse("no reason given"));
    }

    private void record(final ExtensionContext context, final Outcome outcome, final @Nullable String message) {
        final Method method = context.getRequiredTestMethod();
        final Verifies verifies = method.getAnnotation(Verifies.class);
        if (verifies == null) {
            return;
        }
        final Long started = context.getStore(NAMESPACE).get(STARTED, Long.class);
        final long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        final String test = context.getRequiredTestClass().getSimpleName() + "." + method.getName();
        final TestLedger ledger = ledger(context);
        run(context).record(side(context), new TestRecord(verifies.value(), test, outcome, message, millis,
            ledger.coverage(), ledger.gaps(), context.getStore(NAMESPACE).get(BLOCKED, Finding.class)));
    }

    private static String describe(final @Nullable Throwable cause) {
        if (cause == null) {
            return "no cause reported";
        }
        final String message = cause.getMessage();
        // the kit's own failures and skips carry a complete message; anything else is a plug-in's throw, named by type
        final boolean kits = cause instanceof AssertionError || cause instanceof TestAbortedException;
        return kits && message != null
            ? message : cause.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /**
     * The implementation a class's tests run against, for other extensions of the kit.
     *
     * @param context a test's or class's context
     * @return the implementation, or null before selection
     */
    static @Nullable ImplementationInfo implementation(final ExtensionContext context) {
        final Selection selection = context.getStore(NAMESPACE).get(SELECTION, Selection.class);
        return selection == null ? null : selection.implementation();
    }

    /**
     * The run's seed, for other extensions of the kit.
     *
     * @param context any context of the run
     * @return the seed
     */
    static long seed(final ExtensionContext context) {
        return run(context).seed();
    }

    private static TestLedger ledger(final ExtensionContext context) {
        final TestLedger ledger = context.getStore(NAMESPACE).get(LEDGER, TestLedger.class);
        // a test the extension did not see start (disabled) has no ledger: nothing was checked or found
        return ledger == null ? new TestLedger() : ledger;
    }

    private static boolean strict(final ExtensionContext context) {
        return context.getConfigurationParameter(STRICT_SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    private static KitSide side(final ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Conformance.class)
            .map(Conformance::value)
            .orElseThrow(() -> new IllegalStateException("kit class lacks @Conformance: class="
                + context.getRequiredTestClass().getName()));
    }

    private static Selection selection(final ExtensionContext context) {
        final Selection selection = context.getStore(NAMESPACE).get(SELECTION, Selection.class);
        if (selection == null) {
            throw new IllegalStateException("no provider selected before the test: test=" + context.getUniqueId());
        }
        return selection;
    }

    private static ConformanceRun run(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RUN, key -> {
            final long seed = context.getConfigurationParameter("tck.seed").map(Long::parseLong)
                .orElseGet(() -> ThreadLocalRandom.current().nextLong());
            final Path directory = Path.of(context.getConfigurationParameter(ConformanceRun.DIRECTORY_SETTING)
                .orElse(ConformanceRun.DEFAULT_DIRECTORY));
            return new ConformanceRun(seed, directory);
        }, ConformanceRun.class);
    }

    private record Selection(KitSide side, @Nullable Provider provider, ImplementationInfo implementation,
                             @Nullable String failure) {
    }
}
