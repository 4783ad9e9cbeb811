package dev.dbbuf.driver.queues;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code AnomalyLog} keeps the completions the host refused to trust, shared by all queues of one controller.
 *
 * <p>Keeps the first {@link #RECORDED} anomalies and counts them all. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AnomalyLog {

    /** How many anomalies are kept; later ones are only counted. */
    public static final int RECORDED = 256;

    private final List<Anomaly> recorded = new ArrayList<>();
    private long count;

    /**
     * Records an anomaly.
     *
     * @param anomaly what was seen
     */
    public synchronized void record(final Anomaly anomaly) {
        count++;
        if (recorded.size() < RECORDED) {
            recorded.add(anomaly);
        }
    }

    /**
     * Anomalies seen so far.
     *
     * @return the count, including those not recorded
     */
    public synchronized long count() {
        return count;
    }

    /**
     * The first anomalies seen.
     *
     * @return a copy, at most {@link #RECORDED}
     */
    public synchronized List<Anomaly> recorded() {
        return List.copyOf(recorded);
    }
}
