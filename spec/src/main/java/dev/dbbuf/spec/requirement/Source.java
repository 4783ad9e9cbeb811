package dev.dbbuf.spec.requirement;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * {@code Source} names an entry of the project's sources document, {@code spec/SOURCES.md}: a section of the NVM
 * Express Base Specification, or a commit, issue or pull request of an implementation. A build test checks that
 * every key a requirement cites has an entry there.
 *
 * @param key the entry's key, e.g. {@code NVMe-2.0-5.8}, {@code linux-58847f12fe78}, {@code spdk-issue-2147}
 */
@API(status = STABLE, since = "0.2")
public record Source(String key) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9.]+)+");

    /**
     * Checks the key's form.
     *
     * @throws IllegalArgumentException if the key is not of the form {@code name-part[-part...]}
     */
    public Source {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                "source key must be name-part[-part...] of letters, digits and dots: key=" + key);
        }
    }

    /**
     * A short reference for tables: the key.
     *
     * @return the key
     */
    public String reference() {
        return key;
    }
}
