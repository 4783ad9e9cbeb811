package dev.dbbuf.adapter.nativeabi.run;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code KitChild} is the child JVM's entry point: it runs one side's kit suite on the provider {@code native}, with
 * the settings the parent passed as system properties, prints one line per finished test, and exits with
 * {@value #PASSED}, {@value #FAILED} or {@value #KIT_ERROR}. Any other end of the process is the library's doing.
 */
@API(status = INTERNAL, since = "0.1")
public final class KitChild {

    /** Kit classes to run instead of the side's whole suite, comma-separated class names. */
    public static final String CLASSES_SETTING = "tck.native.classes";
    /** Test methods to run of those classes, comma-separated names; all if absent. */
    public static final String METHODS_SETTING = "tck.native.methods";
    /** Every test passed or was aborted. */
    public static final int PASSED = 0;
    /** At least one test failed. */
    public static final int FAILED = 1;
    /** The suite could not run. */
    public static final int KIT_ERROR = 2;

    private KitChild() {
    }

    /**
     * Runs the suite.
     *
     * @param args the side's key, e.g. "eventidx"
     */
    public static void main(final String[] args) {
        int status;
        try {
            status = run(NativeSide.of(args.length == 0 ? "" : args[0]));
        } catch (final RuntimeException e) {
            System.err.println("kit run could not start: " + e);
            status = KIT_ERROR;
        }
        System.out.flush();
        // a call the kit abandoned as hung may still be running in native code: exit rather than wait for it
        System.exit(status);
    }

    private static int run(final NativeSide side) {
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
            .configurationParameter("tck." + side.key(), "native");
        final String classes = System.getProperty(CLASSES_SETTING, "");
        if (classes.isBlank()) {
            request.selectors(selectClass(side.suite()));
        } else {
            for (final String name : classes.split(",")) {
                request.selectors(selectClass(name.strip()));
            }
        }
        final String methods = System.getProperty(METHODS_SETTING, "");
        if (!methods.isBlank()) {
            request.filters(MethodFilter.includeMethodNamePatterns(".*[#.](" + String.join("|",
                Arrays.stream(methods.split(",")).map(String::strip).map(Pattern::quote).toList()) + ")(\\(.*)?"));
        }
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
            .execute(request.build(), new TestExecutionListener() {
                @Override
                public void executionFinished(final TestIdentifier id, final TestExecutionResult result) {
                    if (!id.isTest()) {
                        // a class or suite that failed as a whole reports no test: say why
                        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                            failed.incrementAndGet();
                            System.out.println("FAILED " + id.getDisplayName()
                                + result.getThrowable().map(t -> ": " + t).orElse(""));
                        }
                        return;
                    }
                    finished.incrementAndGet();
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        failed.incrementAndGet();
                    }
                    System.out.println(result.getStatus() + " " + id.getDisplayName()
                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
                }
            });
        if (finished.get() == 0) {
            System.err.println("no kit test ran: the " + side.suite().getSimpleName() + " found no tests (the class"
                + " path needs junit-platform-suite-engine, junit-jupiter-engine and dbbuf-tck)");
            return KIT_ERROR;
        }
        return failed.get() == 0 ? PASSED : FAILED;
    }
}
