package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * {@code SettingsCheck} checks the run's settings ({@link KitSettings}) once, before the first kit class starts and
 * before anything selects a provider or opens the run's verdicts.
 *
 * <p>On a rejected setting the first kit class fails with the one message that names each setting, its value and what
 * is allowed; every later class of the run is skipped with a pointer to it, so the build fails once, with one message,
 * and writes no verdict file. Settings that pass are written next to the verdict files ({@link RunSettingsFile}), for
 * the reports.
 */
@API(status = INTERNAL, since = "0.1")
public final class SettingsCheck implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SettingsCheck.class);
    private static final String CHECKED = "checked";

    @Override
    public void beforeAll(final ExtensionContext context) {
        final ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        final Checked previous = store.get(CHECKED, Checked.class);
        if (previous != null) {
            if (!previous.problems().isEmpty()) {
                throw new TestAbortedException("not run: the run's settings were rejected (see the first failure)");
            }
            return;
        }
        final List<SettingProblem> problems = KitSettings.check(context::getConfigurationParameter,
            System.getProperties().stringPropertyNames());
        store.put(CHECKED, new Checked(problems));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        RunSettingsFile.write(context::getConfigurationParameter);
    }

    private record Checked(List<SettingProblem> problems) {
    }
}
