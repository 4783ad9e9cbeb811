package dev.dbbuf.tck.device;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import org.apiguardian.api.API;

/**
 * {@code SwitchableDecision} is the probe host's ringing decision in a generated scenario: the scenario switches it
 * between the strict rule, the specification's example form and always ringing while queues are live. Every form
 * rings at least when the rule requires, so each switch is a legal host.
 */
@API(status = INTERNAL, since = "0.1")
final class SwitchableDecision implements EventIdxDecision {

    private EventIdxForm form = EventIdxForm.NORMATIVE;

    void use(final EventIdxForm value) {
        form = value;
    }

    EventIdxForm form() {
        return form;
    }

    @Override
    public boolean mustRing(final int oldValue, final int newValue, final int eventIdx, final int depth) {
        return form.mustRing(oldValue, newValue, eventIdx, depth);
    }
}
