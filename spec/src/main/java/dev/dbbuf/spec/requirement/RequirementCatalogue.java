package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code RequirementCatalogue} renders the {@link Requirement} catalogue as the Markdown table in
 * {@code spec/README.md}; a test keeps the file and the enum identical.
 */
@API(status = STABLE, since = "0.1")
public final class RequirementCatalogue {

    /** Marks the start of the generated table in spec/README.md. */
    public static final String BEGIN_MARKER = "<!-- BEGIN requirement catalogue (generated from Requirement.java) -->";
    /** Marks the end of the generated table in spec/README.md. */
    public static final String END_MARKER = "<!-- END requirement catalogue -->";

    private RequirementCatalogue() {
    }

    /**
     * The catalogue as Markdown, one section per area, between the markers.
     *
     * @return the text, ending in a newline
     */
    public static String markdown() {
        final StringBuilder out = new StringBuilder(BEGIN_MARKER).append('\n');
        for (final Area area : Area.values()) {
            out.append("\n### ").append(area.code()).append(" — ").append(title(area)).append("\n\n");
            out.append("| ID | Level | Side | Requirement | Source | If it fails, check |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (final Requirement r : Requirement.values()) {
                if (r.area() != area) {
                    continue;
                }
                out.append("| <a id=\"").append(r.id()).append("\"></a>").append(r.id())
                    .append(" | ").append(r.level())
                    .append(" | ").append(r.side().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(r.statement())
                    .append(" | ").append(r.sources().stream().map(Source::reference).collect(Collectors.joining(", ")))
                    .append(" | ").append(r.ifFailsCheck())
                    .append(" |\n");
            }
        }
        out.append('\n').append(coverageLine()).append('\n').append(END_MARKER).append('\n');
        return out.toString();
    }

    /**
     * The bug-record rows the catalogue cites.
     *
     * @return row numbers
     */
    public static Set<Integer> bugRowsCovered() {
        return java.util.Arrays.stream(Requirement.values())
            .flatMap(r -> r.sources().stream())
            .filter(Source.BugRecord.class::isInstance)
            .map(s -> ((Source.BugRecord) s).row())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String coverageLine() {
        final Set<Level> levels = EnumSet.noneOf(Level.class);
        java.util.Arrays.stream(Requirement.values()).map(Requirement::level).forEach(levels::add);
        final String counts = levels.stream()
            .map(l -> l + " " + java.util.Arrays.stream(Requirement.values()).filter(r -> r.level() == l).count())
            .collect(Collectors.joining(", "));
        return "%d requirements (%s); bug-record rows cited: %s."
            .formatted(Requirement.values().length, counts, bugRowsCovered());
    }

    private static String title(final Area area) {
        final String name = area.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
