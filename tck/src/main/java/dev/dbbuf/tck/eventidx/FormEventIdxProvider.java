package dev.dbbuf.tck.eventidx;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.dbbuf.spec.eventidx.EventIdxForm;
import dev.dbbuf.spec.spi.eventidx.EventIdxDecision;
import dev.dbbuf.spec.spi.eventidx.EventIdxProvider;
import org.apiguardian.api.API;

/**
 * {@code FormEventIdxProvider} offers each {@link EventIdxForm} as a provider, so users can compare their function
 * with the forms real hosts use: {@code reference} and {@code normative} (the rule), {@code spec-example},
 * {@code linux16}, {@code spdk16}.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class FormEventIdxProvider implements EventIdxProvider {

    private final String name;
    private final EventIdxForm form;

    /**
     * Binds a name to a form.
     *
     * @param name the provider name
     * @param form the form it provides
     */
    protected FormEventIdxProvider(final String name, final EventIdxForm form) {
        this.name = name;
        this.form = form;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        final String v = FormEventIdxProvider.class.getPackage().getImplementationVersion();
        return v == null ? "kit" : v;
    }

    @Override
    public String description() {
        return "the kit's EventIdxForm." + form.name();
    }

    @Override
    public EventIdxDecision decision() {
        return form;
    }

    /** The default provider: the normative rule. */
    public static final class Reference extends FormEventIdxProvider {
        /** Creates it. */
        public Reference() {
            super("reference", EventIdxForm.NORMATIVE);
        }
    }

    /** The normative rule under its own name. */
    public static final class Normative extends FormEventIdxProvider {
        /** Creates it. */
        public Normative() {
            super("normative", EventIdxForm.NORMATIVE);
        }
    }

    /** The specification's example algorithm. */
    public static final class SpecExample extends FormEventIdxProvider {
        /** Creates it. */
        public SpecExample() {
            super("spec-example", EventIdxForm.SPEC_EXAMPLE);
        }
    }

    /** Linux's and virtio's 16-bit form. */
    public static final class Linux16 extends FormEventIdxProvider {
        /** Creates it. */
        public Linux16() {
            super("linux16", EventIdxForm.LINUX_16);
        }
    }

    /** SPDK's 16-bit example form. */
    public static final class Spdk16 extends FormEventIdxProvider {
        /** Creates it. */
        public Spdk16() {
            super("spdk16", EventIdxForm.SPDK_16);
        }
    }
}
