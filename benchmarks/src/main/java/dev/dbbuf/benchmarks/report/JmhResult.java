package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code JmhResult} is one benchmark and parameter combination of JMH's JSON result ({@code -rf json}): the primary
 * score and the secondary metrics (the {@code @AuxCounters} fields among them).
 *
 * @param benchmark  the short name, {@code Class.method}
 * @param mode       JMH's mode: thrpt, avgt, ss, ...
 * @param params     the {@code @Param} values
 * @param primary    the benchmark method's own score
 * @param secondary  secondary metrics by name
 * @param iterations measurement iterations
 * @param forks      forks
 */
@API(status = INTERNAL, since = "0.1")
public record JmhResult(String benchmark, String mode, Map<String, String> params, Metric primary,
                        Map<String, Metric> secondary, int iterations, int forks) {

    /**
     * A score.
     *
     * @param score the mean over iterations
     * @param error JMH's 99.9 % half-width, NaN when too few iterations
     * @param min   the smallest iteration
     * @param max   the largest iteration
     * @param unit  e.g. ops/s
     */
    public record Metric(double score, double error, double min, double max, String unit) {
    }

    /**
     * Copies the maps.
     */
    public JmhResult {
        // insertion order kept: the order JMH wrote them in
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /**
     * The parameters as text, sorted by name.
     *
     * @return e.g. "command=FLUSH, mode=POLLING", or "" without parameters
     */
    public String paramText() {
        return params.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A parameter's value.
     *
     * @param name the parameter
     * @return its value, or "" if the benchmark has no such parameter
     */
    public String param(final String name) {
        return params.getOrDefault(name, "");
    }

    /**
     * Reads JMH's JSON result.
     *
     * @param file the file JMH wrote
     * @return one result per benchmark and parameter combination, in file order
     * @throws UncheckedIOException if the file cannot be read or is not JMH's JSON
     */
    public static List<JmhResult> read(final Path file) {
        final JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException("JMH result must be readable JSON: file=" + file, e);
        }
        if (root == null || !root.isArray()) {
            throw new UncheckedIOException(new IOException("JMH result must be a JSON array: file=" + file));
        }
        final List<JmhResult> results = new ArrayList<>();
        for (final JsonNode node : root) {
            final Map<String, String> params = new LinkedHashMap<>();
            node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            final Map<String, Metric> secondary = new LinkedHashMap<>();
            node.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), metric(e.getValue())));
            results.add(new JmhResult(shortName(node.path("benchmark").asText()), node.path("mode").asText(), params,
                metric(node.path("primaryMetric")), secondary, node.path("measurementIterations").asInt(),
                node.path("forks").asInt()));
        }
        return results;
    }

    private static Metric metric(final JsonNode node) {
        final JsonNode percentiles = node.path("scorePercentiles");
        final double score = number(node.path("score"));
        return new Metric(score, number(node.path("scoreError")), percentiles.has("0.0")
            ? number(percentiles.path("0.0")) : score, percentiles.has("100.0")
            ? number(percentiles.path("100.0")) : score, node.path("scoreUnit").asText());
    }

    private static double number(final JsonNode node) {
        // JMH writes "NaN" as a string when an error cannot be computed
        return node.isNumber() ? node.asDouble() : parse(node.asText());
    }

    private static double parse(final String text) {
        try {
            return Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String shortName(final String benchmark) {
        final int method = benchmark.lastIndexOf('.');
        final int type = method < 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
