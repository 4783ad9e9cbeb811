package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbuf.spec.requirement.Requirement;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * {@code JsonReport} renders a {@link ConformanceMatrix} as {@code conformance.json}.
 *
 * <p>Format: {@code kit {version, commit, generatedAt, jdk, os, processors, settings {run: {key: value}},
 * reproduce [command]}, mustRequirementsHold, implementations [{side, name, version, description, seed, startedAt,
 * durationMillis, duration, totals {verdict: n}, byLevel {level: {verdict: n}}}], requirements [{id, <each of
 * RequirementColumns>, results {"<side> <name>": verdict}, reasons {"<side> <name>": reason}}]}.
 */
@API(status = STABLE, since = "0.1")
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * Renders the report.
     *
     * @param matrix the matrix
     * @return the JSON document
     */
    public static String render(final ConformanceMatrix matrix, final RunContext context) {
        final ObjectNode root = JSON.createObjectNode();
        final ObjectNode kit = root.putObject("kit").put("version", context.kitVersion()).put("commit", context.commit())
            .put("generatedAt", context.generatedAt().toString()).put("jdk", context.recorded("run.jdk"))
            .put("os", context.recorded("run.os")).put("processors", context.recorded("run.processors"));
        final ObjectNode settings = kit.putObject("settings");
        context.settings().forEach((run, values) -> {
            final ObjectNode node = settings.putObject(run);
            values.forEach(node::put);
        });
        Reproduction.commands(matrix, context).forEach(kit.putArray("reproduce")::add);
        root.put("mustRequirementsHold", matrix.mustRequirementsHold());
        final var implementations = root.putArray("implementations");
        for (final ImplementationRun run : matrix.runs()) {
            final ObjectNode node = implementations.addObject()
                .put("side", run.side()).put("name", run.name()).put("version", run.version())
                .put("description", run.description()).put("seed", run.seed()).put("startedAt", run.startedAt())
                .put("durationMillis", run.durationMillis()).put("duration", Durations.human(run.durationMillis()));
            final ObjectNode totals = node.putObject("totals");
            ConformanceMatrix.VERDICTS.forEach(v -> totals.put(v, run.count(v)));
            final ObjectNode byLevel = node.putObject("byLevel");
            for (final String level : matrix.levels()) {
                final ObjectNode counts = byLevel.putObject(level);
                ConformanceMatrix.VERDICTS.forEach(v -> counts.put(v, run.count(level, v)));
            }
        }
        final var requirements = root.putArray("requirements");
        for (final Requirement requirement : matrix.rows()) {
            final ObjectNode node = requirements.addObject().put("id", requirement.id());
            RequirementColumns.ALL.forEach(c -> node.put(c.header(), c.value().apply(requirement)));
            final ObjectNode results = node.putObject("results");
            final ObjectNode reasons = node.putObject("reasons");
            for (final ImplementationRun run : matrix.runs()) {
                run.result(requirement.id()).ifPresent(r -> {
                    results.put(run.label(), r.verdict());
                    if (r.message() != null && !"PASS".equals(r.verdict())) {
                        reasons.put(run.label(), r.message());
                    }
                });
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException("conformance matrix could not be rendered as JSON", e);
        }
    }
}
