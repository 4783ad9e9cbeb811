package dev.dbbuf.ordering;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code LitmusScenario} adapts a {@link Litmus} class and its {@link LitmusOutcome} annotations to an
 * {@link OrderingScenario}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LitmusScenario implements OrderingScenario {

    private final Class<? extends Litmus> type;
    private final OutcomeTable outcomes;

    private LitmusScenario(final Class<? extends Litmus> type, final OutcomeTable outcomes) {
        this.type = type;
        this.outcomes = outcomes;
    }

    /**
     * Reads the outcome table of a litmus class.
     *
     * @param type the class, annotated with {@link LitmusOutcome}s including one catch-all
     * @return the scenario
     * @throws IllegalArgumentException if the catch-all is missing or not FORBIDDEN
     */
    public static LitmusScenario of(final Class<? extends Litmus> type) {
        final List<OutcomeSpec> listed = new ArrayList<>();
        String otherwise = null;
        for (final LitmusOutcome outcome : type.getAnnotationsByType(LitmusOutcome.class)) {
            if (outcome.id().length == 0) {
                if (outcome.expect() != Grade.FORBIDDEN) {
                    throw new IllegalArgumentException("catch-all outcome must be FORBIDDEN: litmus=%s expect=%s"
                        .formatted(type.getSimpleName(), outcome.expect()));
                }
                otherwise = outcome.desc();
            }
            for (final String id : outcome.id()) {
                listed.add(new OutcomeSpec(id, outcome.expect(), outcome.desc()));
            }
        }
        if (otherwise == null) {
            throw new IllegalArgumentException(
                "litmus must declare a catch-all FORBIDDEN outcome: litmus=" + type.getSimpleName());
        }
        return new LitmusScenario(type, new OutcomeTable(listed, otherwise));
    }

    @Override
    public String name() {
        return type.getSimpleName();
    }

    @Override
    public int memoryBytes() {
        return Litmus.MEMORY_BYTES;
    }

    @Override
    public OutcomeTable outcomes() {
        return outcomes;
    }

    @Override
    public Instance newInstance() {
        final Litmus litmus;
        try {
            litmus = type.getDeclaredConstructor().newInstance();
        } catch (final ReflectiveOperationException failure) {
            final Throwable cause = failure instanceof InvocationTargetException target ? target.getCause() : failure;
            throw new IllegalArgumentException(
                "litmus needs a public no-argument constructor: litmus=" + type.getName(), cause);
        }
        final Observations observations = new Observations();
        return new Instance() {
            @Override
            public List<Actor> actors() {
                return List.of(new Actor("actor1", (memory, port) -> litmus.actor1(memory, port, observations)),
                    new Actor("actor2", (memory, port) -> litmus.actor2(memory, port, observations)));
            }

            @Override
            public String outcome(final FinalState state) {
                return observations.toString();
            }
        };
    }
}
