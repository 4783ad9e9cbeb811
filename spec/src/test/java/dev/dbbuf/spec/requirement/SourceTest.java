package dev.dbbuf.spec.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void keysOfTheSourcesDocumentAreAccepted() {
        assertThat(new Source("NVMe-2.0a-Fig144").reference()).isEqualTo("NVMe-2.0a-Fig144");
        assertThat(new Source("linux-58847f12fe78").key()).isEqualTo("linux-58847f12fe78");
    }

    @Test
    void aPathOrAFreeTextCitationIsRejectedWithTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Source("facts §4"))
            .withMessage("source key must be name-part[-part...] of letters, digits and dots: key=facts §4");
        assertThatIllegalArgumentException().isThrownBy(() -> new Source("shared/reference/facts.md"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Source(null));
    }
}
