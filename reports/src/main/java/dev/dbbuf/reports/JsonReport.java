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
 * <p>Format: {@code mustRequirementsHold, implementations [{side, name, version, description, seed, durationMillis,
 * totals {verdict: n}, byLevel {level: {verdict: n}}}], requirements [{id, level, basis, side, area, statement, results
 * {"<side> <name>": verdict}}]}.
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
    public static String render(final ConformanceMatrix matrix) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("mustRequirementsHold", matrix.mustRequirementsHold());
        final var implementations = root.putArray("implementations");
        for (final ImplementationRun run : matrix.runs()) {
            final ObjectNode node = implementations.addObject()
                .put("side", run.side()).put("name", run.name()).put("version", run.version())
                .put("description", run.description()).put("seed", run.seed()).put("durationMillis", run.durationMillis());
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
            final ObjectNode node = requirements.addObject()
                .put("id", requirement.id()).put("level", requirement.level().name())
                .put("basis", requirement.basis().name())
                .put("side", requirement.side().name()).put("area", requirement.area().name())
                .put("statement", requirement.statement());
            final ObjectNode results = node.putObject("results");
            for (final ImplementationRun run : matrix.runs()) {
                run.result(requirement.id()).ifPresent(r -> results.put(run.label(), r.verdict()));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException("conformance matrix could not be rendered as JSON", e);
        }
    }
}
