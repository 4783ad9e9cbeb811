package dev.dbbuf.ordering;

import dev.dbbuf.spec.memory.LoadMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One execution of a scenario: every actor on its own virtual thread, exactly one of them (or the scheduler) running
 * at a time, and a {@link ChoicePolicy} picking each next {@link Action}.
 */
final class Execution implements FinalState {

    /** Longest an agent may run between two memory accesses, or wait for its turn, before the run is abandoned. */
    static final long HANDOFF_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int SCHEDULER = -1;

    /** Picks the next action; may cut the execution short when it reaches an already explored state. */
    interface ChoicePolicy {
        int choose(int step, List<Action> enabled);

        default boolean prune(final int step, final StateKey key) {
            return false;
        }
    }

    /**
     * What one execution did.
     *
     * @param outcome  the outcome id, or null if the execution was pruned
     * @param details  facts about the outcome
     * @param schedule the actions taken
     * @param trace    every memory operation and flush, in order
     */
    record Result(@Nullable String outcome, String details, List<Action> schedule, List<String> trace) {
    }

    private static final class Aborted extends Error {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("execution finished", null, false, false);
        }
    }

    private final OrderingScenario scenario;
    private final OrderingScenario.Instance instance;
    private final List<Actor> actors;
    private final SharedState state;
    private final ChoicePolicy policy;
    private final int maxSteps;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnChanged = lock.newCondition();
    private final @Nullable AgentStep[] pending;
    private final boolean[] finished;
    private final @Nullable Throwable[] failures;
    private final long[] history;
    private final List<Action> schedule = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final List<AgentMemory> memories = new ArrayList<>();
    private final int[] early;
    private int turn = SCHEDULER;
    private boolean aborted;
    private boolean settingUp;

    Execution(final OrderingScenario scenario, final MemoryModel model, final ChoicePolicy policy, final int maxSteps) {
        this.scenario = scenario;
        this.instance = scenario.newInstance();
        this.actors = List.copyOf(instance.actors());
        this.state = new SharedState(model, scenario.memoryBytes(), actors.size());
        this.policy = policy;
        this.maxSteps = maxSteps;
        this.pending = new AgentStep[actors.size()];
        this.finished = new boolean[actors.size()];
        this.failures = new Throwable[actors.size()];
        this.history = new long[actors.size()];
        this.early = new int[actors.size()];
        for (int i = 0; i < actors.size(); i++) {
            memories.add(new AgentMemory(this, state, i));
        }
    }

    Result run() {
        final List<Thread> threads = new ArrayList<>();
        try {
            settingUp = true;
            try {
                instance.setUp(List.copyOf(memories));
            } finally {
                settingUp = false;
            }
            state.startExploring();
            for (int i = 0; i < actors.size(); i++) {
                final int agent = i;
                final Thread thread = Thread.ofVirtual().name("explore-" + actors.get(i).name())
                    .unstarted(() -> agentMain(agent));
                threads.add(thread);
                thread.start();
                grant(agent);
            }
            return schedule();
        } finally {
            abort(threads);
            // tear-down is sequentially consistent like set-up: the agents are gone, nothing may wait for a turn
            settingUp = true;
            instance.tearDown();
        }
    }

    /** Whether the scenario's sequentially consistent set-up phase is running. */
    boolean settingUp() {
        return settingUp;
    }

    void requireExploring(final String what) {
        if (settingUp) {
            throw new IllegalStateException("set-up phase has no scheduler: a " + what
                + " is only available to a running agent");
        }
    }

    private Result schedule() {
        for (int step = 0; ; step++) {
            final List<Action> enabled = enabled();
            if (enabled.isEmpty()) {
                return new Result(outcome(), details(), List.copyOf(schedule), List.copyOf(trace));
            }
            if (step >= maxSteps) {
                return new Result("NO_QUIESCENCE", "no quiescent state within maxSteps=" + maxSteps,
                    List.copyOf(schedule), List.copyOf(trace));
            }
            final Action action = enabled.get(policy.choose(step, enabled));
            perform(action);
            if (policy.prune(step, key())) {
                return new Result(null, "", List.copyOf(schedule), List.copyOf(trace));
            }
        }
    }

    void perform(final Action action) {
        schedule.add(action);
        if (action.kind() == Action.Kind.RUN) {
            early[action.agent()] = action.early();
            grant(action.agent());
            return;
        }
        final List<StoreBuffer.Entry> entries = state.buffer(action.agent()).entries();
        for (final int index : state.buffer(action.agent()).leavable(state.model())) {
            if (entries.get(index).address() == action.address()) {
                final StoreBuffer.Entry entry = state.flush(action.agent(), index);
                trace.add("%-7s store %s = %d becomes visible".formatted(actors.get(action.agent()).name(),
                    name(entry.address()), SharedState.littleEndian(entry.bytes(), 0, entry.bytes().length)));
                return;
            }
        }
        throw new IllegalStateException("flush action names no leavable store: action=" + action);
    }

    List<Action> enabled() {
        final List<Action> result = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            final AgentStep step = pending[i];
            if (step != null && step.enabled(state, i)) {
                final int variants = mayLoadEarly(step) ? state.candidates(i, step.address(),
                    ((AgentStep.Load) step).width()).size() : 1;
                for (int variant = 0; variant < variants; variant++) {
                    result.add(new Action(Action.Kind.RUN, i, step.address(), variant));
                }
            }
        }
        for (int i = 0; i < actors.size(); i++) {
            final List<StoreBuffer.Entry> entries = state.buffer(i).entries();
            for (final int index : state.buffer(i).leavable(state.model())) {
                result.add(new Action(Action.Kind.FLUSH, i, entries.get(index).address()));
            }
        }
        return result;
    }

    private boolean mayLoadEarly(final AgentStep step) {
        return state.model() == MemoryModel.WEAK && step instanceof AgentStep.Load load
            && (load.mode() == LoadMode.PLAIN
            || load.mode() == LoadMode.OPAQUE);
    }

    /** Which value the agent's current load returns: 0 the newest, n the n-th older one in its window. */
    int early(final int agent) {
        return early[agent];
    }

    private String outcome() {
        for (int i = 0; i < actors.size(); i++) {
            if (failures[i] != null) {
                return "AGENT_FAILED";
            }
        }
        return instance.outcome(this);
    }

    private String details() {
        for (int i = 0; i < actors.size(); i++) {
            final Throwable failure = failures[i];
            if (failure != null) {
                return actors.get(i).name() + " threw " + failure;
            }
        }
        return instance.details();
    }

    private StateKey key() {
        final List<Long> parts = new ArrayList<>();
        state.addHashes(parts);
        for (int i = 0; i < actors.size(); i++) {
            parts.add(history[i]);
            parts.add(finished[i] ? 1L : 0L);
        }
        final long[] array = new long[parts.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = parts.get(i);
        }
        return StateKey.of(array);
    }

    String name(final long address) {
        return scenario.addressName(address);
    }

    void observe(final int agent, final String text, final long value) {
        trace.add("%-7s %s".formatted(actors.get(agent).name(), text));
        history[agent] = StateKey.mix(history[agent] * 31 + text.hashCode() + value);
    }

    /** A load of a quiet stretch: part of the agent's history (its state), not of the trace. */
    void absorb(final int agent, final long address, final long value) {
        history[agent] = StateKey.mix(history[agent] * 31 + address * 0x9E37L + value);
    }

    private void agentMain(final int agent) {
        try {
            lock.lock();
            try {
                waitTurn(agent);
            } finally {
                lock.unlock();
            }
            actors.get(agent).body().run(memories.get(agent), memories.get(agent));
        } catch (final Aborted stop) {
            return;
        } catch (final RuntimeException | AssertionError | StackOverflowError failure) {
            failures[agent] = failure;
        } finally {
            lock.lock();
            try {
                finished[agent] = true;
                pending[agent] = null;
                turn = SCHEDULER;
                turnChanged.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Called on an agent's thread: blocks until the scheduler picks this step. */
    void await(final int agent, final AgentStep step) {
        lock.lock();
        try {
            pending[agent] = step;
            turn = SCHEDULER;
            turnChanged.signalAll();
            waitTurn(agent);
            pending[agent] = null;
        } finally {
            lock.unlock();
        }
    }

    private void grant(final int agent) {
        lock.lock();
        try {
            turn = agent;
            turnChanged.signalAll();
            waitTurn(SCHEDULER);
        } finally {
            lock.unlock();
        }
    }

    private void waitTurn(final int who) {
        long remaining = HANDOFF_TIMEOUT_NANOS;
        while (turn != who) {
            if (aborted) {
                throw new Aborted();
            }
            if (remaining <= 0) {
                throw new IllegalStateException(
                    "agent must reach its next memory access within the hand-off timeout: waiting=%s timeoutNanos=%d"
                        .formatted(who == SCHEDULER ? "scheduler" : actors.get(who).name(), HANDOFF_TIMEOUT_NANOS));
            }
            try {
                remaining = turnChanged.awaitNanos(remaining);
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a hand-off", interrupted);
            }
        }
        if (aborted && who != SCHEDULER) {
            throw new Aborted();
        }
    }

    private void abort(final List<Thread> threads) {
        lock.lock();
        try {
            aborted = true;
            turnChanged.signalAll();
        } finally {
            lock.unlock();
        }
        for (final Thread thread : threads) {
            try {
                thread.join(TimeUnit.NANOSECONDS.toMillis(HANDOFF_TIMEOUT_NANOS));
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public int readU32(final long address) {
        return state.readCommittedU32(address);
    }

    @Override
    public int pendingRings() {
        return state.pendingRings();
    }

    @Override
    public boolean idle(final int actor) {
        return pending[actor] instanceof AgentStep.AwaitRing;
    }

    @Override
    public boolean waiting(final int actor) {
        return pending[actor] instanceof AgentStep.AwaitLoad;
    }

    @Override
    public boolean finished(final int actor) {
        return finished[actor];
    }
}
