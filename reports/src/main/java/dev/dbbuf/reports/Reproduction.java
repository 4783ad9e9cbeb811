package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code Reproduction} says how to reproduce a report: the commit to check out, and per run of the kit the command,
 * from the repository root, that runs it again with its seed and settings.
 */
@API(status = STABLE, since = "0.1")
public final class Reproduction {

    private Reproduction() {
    }

    /**
     * The commands, one per implementation (a run of the kit judges one or more).
     *
     * @param matrix  the verdicts
     * @param context the run's context
     * @return e.g. "./mvnw -B verify -pl tck -am -Dtck.seed=42" for the reference implementations
     */
    public static List<String> commands(final ConformanceMatrix matrix, final RunContext context) {
        final Map<String, List<String>> commands = new LinkedHashMap<>();
        for (final ImplementationRun run : matrix.runs()) {
            final Map<String, String> settings = settingsOf(run, context);
            final boolean qemu = "device".equals(run.side()) && "qemu".equals(run.name());
            final StringBuilder command = new StringBuilder("./mvnw -B verify -pl ")
                .append(qemu ? "adapters/qemu" : "tck").append(" -am -Dtck.seed=").append(run.seed());
            settings.forEach((key, value) -> {
                if (key.startsWith("tck.") && !key.equals("tck.seed") && !key.equals("tck.conformance.dir")
                    && !(qemu && key.equals("tck.device"))) {
                    command.append(" -D").append(key).append('=').append(value);
                }
            });
            commands.computeIfAbsent(command.toString(), c -> new ArrayList<>()).add(run.label());
        }
        return commands.entrySet().stream()
            .map(e -> "%s   # %s".formatted(e.getKey(), String.join(", ", e.getValue()))).toList();
    }

    private static Map<String, String> settingsOf(final ImplementationRun run, final RunContext context) {
        final String selection = run.side() + "-" + run.name();
        return context.settings().entrySet().stream()
            .filter(e -> e.getKey().contains(selection)).map(Map.Entry::getValue).findFirst()
            .orElseGet(() -> context.settings().getOrDefault("run-settings-defaults", Map.of()));
    }
}
