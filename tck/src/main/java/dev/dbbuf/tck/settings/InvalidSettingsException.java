package dev.dbbuf.tck.settings;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code InvalidSettingsException} stops a run whose settings the kit rejects, before any test runs and before any
 * verdict file is written: a mistyped setting is the user's mistake, not the implementation's.
 */
@API(status = STABLE, since = "0.1")
public final class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<SettingProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every rejected setting, at least one
     */
    public InvalidSettingsException(final List<SettingProblem> problems) {
        super(message(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /**
     * The rejected settings.
     *
     * @return each one with its value and what is allowed
     */
    public List<SettingProblem> problems() {
        return problems;
    }

    private static String message(final List<SettingProblem> problems) {
        return "dbbuf-tck did not run: %s. No test ran and no verdict file was written; see the settings table of the tck README."
            .formatted(problems.stream().map(SettingProblem::describe).collect(Collectors.joining("; ")));
    }
}
