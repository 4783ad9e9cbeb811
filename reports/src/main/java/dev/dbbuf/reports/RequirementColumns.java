package dev.dbbuf.reports;

import static org.apiguardian.api.API.Status.STABLE;

import dev.dbbuf.spec.requirement.Requirement;
import dev.dbbuf.spec.requirement.Source;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code RequirementColumns} are the catalogue columns every report shows before the verdicts, in one list: a new
 * catalogue field is one more entry here, and the Markdown, HTML and JSON matrices all show it.
 */
@API(status = STABLE, since = "0.1")
public final class RequirementColumns {

    /**
     * One catalogue column.
     *
     * @param header the column heading, also the JSON field name
     * @param value  the requirement's value
     */
    public record Column(String header, Function<Requirement, String> value) {
    }

    /** The columns, in the order reports show them. */
    public static final List<Column> ALL = List.of(
        new Column("level", r -> r.level().name()),
        new Column("basis", r -> r.basis().name()),
        new Column("side", r -> r.side().name().toLowerCase(Locale.ROOT)),
        new Column("area", r -> r.area().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
        new Column("statement", Requirement::statement),
        new Column("source", r -> r.sources().stream().map(Source::key).collect(Collectors.joining(", "))));

    private RequirementColumns() {
    }
}
