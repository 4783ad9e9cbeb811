package com.example.acme;

import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;

/**
 * Acme's embedded driver uses the specification's example comparison, which also rings when the new value equals
 * EventIdx: never a missed doorbell, sometimes one more than needed. That is legal, so the kit passes it with a note
 * (DBC-EVT-002, a SHOULD rule, is FAIL in the verdict file) and the build stays green unless it runs with
 * {@code -Dtck.strict=true}.
 */
public final class AcmeCautiousEventIdxProvider implements EventIdxProvider {

    @Override
    public String name() {
        return "acme-cautious";
    }

    @Override
    public String version() {
        return "1.1.0";
    }

    @Override
    public String description() {
        return "Acme embedded driver's EventIdx check, (ev - old) mod N <= (new - old) mod N: rings also at ev == new";
    }

    @Override
    public EventIdxDecision decision() {
        return (oldValue, newValue, eventIdx, depth) ->
            Math.floorMod(eventIdx - oldValue, depth) <= Math.floorMod(newValue - oldValue, depth);
    }
}
