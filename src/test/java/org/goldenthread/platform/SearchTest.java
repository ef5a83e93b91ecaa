package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTest {

    @Test
    void findsTextInAnyFieldWhateverTheCaseAndNothingTypedFindsAll() {
        assertThat(Search.of("  smith ").finds("Ann Smith", "P12")).isTrue();
        assertThat(Search.of("P12").finds("Ann Smith", null, "p12")).isTrue();
        assertThat(Search.of("smith p12").finds("Ann Smith", "P12")).isTrue();
        assertThat(Search.of("jones").finds("Ann Smith", "P12")).isFalse();
        assertThat(Search.of(null).finds("Ann Smith")).isTrue();
        assertThat(Search.of(" ").finds()).isTrue();
    }
}
