package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code RequirementCatalogue} renders the {@link Requirement} catalogue as the Markdown in {@code spec/README.md}:
 * the level policy of each {@link Basis}, then one table per area; a test keeps the file and the enum identical.
 */
@API(status = STABLE, since = "0.1")
public final class RequirementCatalogue {

    /** Marks the start of the generated table in spec/README.md. */
    public static final String BEGIN_MARKER = "<!-- BEGIN requirement catalogue (generated from Requirement.java) -->";
    /** Marks the end of the generated table in spec/README.md. */
    public static final String END_MARKER = "<!-- END requirement catalogue -->";
    /** The sources document, relative to spec/README.md. */
    public static final String SOURCES_FILE = "SOURCES.md";

    private RequirementCatalogue() {
    }

    /**
     * The catalogue as Markdown, between the markers: the basis legend, then one section per area.
     *
     * @return the text, ending in a newline
     */
    public static String markdown() {
        final StringBuilder out = new StringBuilder(BEGIN_MARKER).append('\n');
        out.append("\n| Basis | stands on | levels it allows |\n|---|---|---|\n");
        for (final Basis basis : Basis.values()) {
            out.append("| ").append(basis).append(" | ").append(basis.meaning()).append(" | ")
                .append(Arrays.stream(Level.values()).filter(basis::allows).map(Level::name)
                    .collect(Collectors.joining(", ")))
                .append(" |\n");
        }
        for (final Area area : Area.values()) {
            out.append("\n### ").append(area.code()).append(" — ").append(title(area)).append("\n\n");
            out.append("| ID | Level | Basis | Side | Requirement | Sources | Rationale | If it fails, check |\n");
            out.append("|---|---|---|---|---|---|---|---|\n");
            for (final Requirement r : Requirement.values()) {
                if (r.area() != area) {
                    continue;
                }
                out.append("| <a id=\"").append(r.id()).append("\"></a>").append(r.id())
                    .append(" | ").append(r.level())
                    .append(" | ").append(r.basis())
                    .append(" | ").append(r.side().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(r.statement())
                    .append(" | ").append(r.sources().stream().map(RequirementCatalogue::link)
                        .collect(Collectors.joining(", ")))
                    .append(" | ").append(r.rationale())
                    .append(" | ").append(r.ifFailsCheck())
                    .append(" |\n");
            }
        }
        out.append('\n').append(coverageLine()).append('\n').append(END_MARKER).append('\n');
        return out.toString();
    }

    /**
     * The anchor GitHub gives the heading of a source's entry in the sources document.
     *
     * @param source a source
     * @return e.g. "nvme-20-58" for {@code NVMe-2.0-5.8}
     */
    public static String anchor(final Source source) {
        return source.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    }

    private static String link(final Source source) {
        return "[" + source.key() + "](" + SOURCES_FILE + "#" + anchor(source) + ")";
    }

    private static String coverageLine() {
        final String byLevel = Arrays.stream(Level.values())
            .map(l -> l + " " + Arrays.stream(Requirement.values()).filter(r -> r.level() == l).count())
            .collect(Collectors.joining(", "));
        final String byBasis = Arrays.stream(Basis.values())
            .map(b -> b + " " + Arrays.stream(Requirement.values()).filter(r -> r.basis() == b).count())
            .collect(Collectors.joining(", "));
        return "%d requirements; by level: %s; by basis: %s.".formatted(Requirement.values().length, byLevel, byBasis);
    }

    private static String title(final Area area) {
        final String name = area.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
