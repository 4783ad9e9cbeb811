package dev.dbbuf.benchmarks.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * {@code SvgPlot} draws the end-to-end comparison as one SVG: IOPS against queue depth on the left, MMIO doorbell
 * writes per I/O against queue depth on the right, one line per doorbell set-up (colour) and submission style (solid:
 * per request, dashed: batched). Both value axes are logarithmic; queue depths are equally spaced.
 */
@API(status = INTERNAL, since = "0.1")
public final class SvgPlot {

    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 300;
    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_TOP = 40;
    private static final int GAP = 90;
    private static final int LEGEND_HEIGHT = 70;
    private static final double SMALLEST_RATIO = 1e-4;
    private static final Map<String, String> COLOURS = Map.of("MMIO_ONLY", "#d62728",
        "SHADOW_EVENT_DRIVEN", "#1f77b4", "SHADOW_POLLING", "#2ca02c");

    private SvgPlot() {
    }

    /**
     * Renders the cells.
     *
     * @param cells the end-to-end cells
     * @param title the plot's title
     * @return the SVG document
     */
    public static String render(final List<EndToEndCell> cells, final String title) {
        final List<Integer> depths = new ArrayList<>(new TreeSet<>(cells.stream().map(EndToEndCell::queueDepth)
            .toList()));
        final Map<String, List<EndToEndCell>> series = new LinkedHashMap<>();
        for (final EndToEndCell cell : cells) {
            series.computeIfAbsent(cell.series(), key -> new ArrayList<>()).add(cell);
        }
        final int width = MARGIN_LEFT + PANEL_WIDTH + GAP + PANEL_WIDTH + 30;
        final int height = MARGIN_TOP + PANEL_HEIGHT + 50 + LEGEND_HEIGHT;
        final StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" ",
            width, height, width, height)).append("font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(width / 2.0, 20, escape(title), "middle", 14));
        panel(svg, MARGIN_LEFT, depths, series, EndToEndCell::iops, "IOPS", 1);
        panel(svg, MARGIN_LEFT + PANEL_WIDTH + GAP, depths, series, EndToEndCell::mmioPerIo,
            "MMIO doorbell writes per I/O", SMALLEST_RATIO);
        legend(svg, series.keySet(), MARGIN_TOP + PANEL_HEIGHT + 50);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(final StringBuilder svg, final int left, final List<Integer> depths,
                              final Map<String, List<EndToEndCell>> series, final ToDoubleFunction<EndToEndCell> y,
                              final String label, final double floor) {
        final double[] range = logRange(series, y, floor);
        final int bottom = MARGIN_TOP + PANEL_HEIGHT;
        svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n",
            left, MARGIN_TOP, PANEL_WIDTH, PANEL_HEIGHT));
        for (int exponent = (int) range[0]; exponent <= (int) range[1]; exponent++) {
            final double py = yPixel(exponent, range);
            svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                left, py, left + PANEL_WIDTH, py));
            svg.append(text(left - 6, py + 4, tick(exponent), "end", 11));
        }
        for (int i = 0; i < depths.size(); i++) {
            final double px = xPixel(left, i, depths.size());
            svg.append(text(px, bottom + 16, String.valueOf(depths.get(i)), "middle", 11));
        }
        svg.append(text(left + PANEL_WIDTH / 2.0, bottom + 34, "queue depth", "middle", 12));
        svg.append(text(left + PANEL_WIDTH / 2.0, MARGIN_TOP - 8, escape(label) + " (log scale)", "middle", 12));
        for (final Map.Entry<String, List<EndToEndCell>> entry : series.entrySet()) {
            final StringBuilder points = new StringBuilder();
            for (final EndToEndCell cell : entry.getValue()) {
                final double value = y.applyAsDouble(cell);
                if (Double.isNaN(value)) {
                    continue;
                }
                final double px = xPixel(left, depths.indexOf(cell.queueDepth()), depths.size());
                final double py = yPixel(Math.log10(Math.max(value, floor)), range);
                points.append(f("%.1f,%.1f ", px, py));
                svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                    px, py, colour(entry.getValue().getFirst())));
            }
            svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                points.toString().strip(), colour(entry.getValue().getFirst()),
                    dash(entry.getValue().getFirst())));
        }
    }

    private static void legend(final StringBuilder svg, final Iterable<String> names, final int top) {
        int index = 0;
        for (final String name : names) {
            final int x = MARGIN_LEFT + (index % 3) * 330;
            final int y = top + (index / 3) * 22;
            final String doorbells = name.substring(0, name.indexOf(" / "));
            final boolean batched = name.endsWith("BATCHED");
            svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                x, y, x + 30, y, COLOURS.getOrDefault(doorbells, "#000"),
                    batched ? " stroke-dasharray=\"6,4\"" : ""));
            svg.append(text(x + 36, y + 4, escape(name), "start", 12));
            index++;
        }
    }

    private static double[] logRange(final Map<String, List<EndToEndCell>> series,
                                     final ToDoubleFunction<EndToEndCell> y, final double floor) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (final List<EndToEndCell> cells : series.values()) {
            for (final EndToEndCell cell : cells) {
                final double value = y.applyAsDouble(cell);
                if (!Double.isNaN(value)) {
                    final double exponent = Math.log10(Math.max(value, floor));
                    low = Math.min(low, exponent);
                    high = Math.max(high, exponent);
                }
            }
        }
        if (low > high) {
            return new double[] {0, 1};
        }
        final double floorExponent = Math.floor(low);
        return new double[] {floorExponent, Math.max(Math.ceil(high), floorExponent + 1)};
    }

    private static double xPixel(final int left, final int index, final int count) {
        return left + PANEL_WIDTH * (index + 0.5) / Math.max(count, 1);
    }

    private static double yPixel(final double exponent, final double[] range) {
        return MARGIN_TOP + PANEL_HEIGHT * (1 - (exponent - range[0]) / (range[1] - range[0]));
    }

    private static String colour(final EndToEndCell cell) {
        return COLOURS.getOrDefault(cell.doorbells(), "#000");
    }

    private static String dash(final EndToEndCell cell) {
        return "BATCHED".equals(cell.submission()) ? " stroke-dasharray=\"6,4\"" : "";
    }

    // a decade as people write it on an axis: 0.001, 1, 10k, 1M (no trailing zeros, no exponent notation)
    static String tick(final int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + "1";
        }
        final String[] suffixes = {"", "k", "M", "G", "T"};
        final int group = Math.min(exponent / 3, suffixes.length - 1);
        return "1" + "0".repeat(exponent - 3 * group) + suffixes[group];
    }

    private static String text(final double x, final double y, final String content, final String anchor,
                               final int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
            x, y, anchor, size, content);
    }

    private static String f(final String format, final Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String escape(final String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
