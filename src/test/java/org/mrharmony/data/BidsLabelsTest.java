package org.mrharmony.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BidsLabelsTest {

    @Test
    void legalNamesStayAndOthersLoseWhatBidsForbids() {
        assertThat(BidsLabels.forNames(List.of("siteA", "oslo-1.5T", "St_Olav 3T")))
            .containsExactly(Map.entry("siteA", "siteA"), Map.entry("oslo-1.5T", "oslo15T"),
                Map.entry("St_Olav 3T", "StOlav3T"));
    }

    @Test
    void collisionsAndEmptyLabelsGetNumbers() {
        // "a.b" and "ab" both become "ab"; "AB" would collide on a case-insensitive file system;
        // "-_." keeps nothing, so it is named by its place in the list.
        assertThat(BidsLabels.forNames(List.of("ab", "a.b", "AB", "-_.", "ab2")))
            .containsExactly(Map.entry("ab", "ab"), Map.entry("a.b", "ab2"), Map.entry("AB", "AB3"),
                Map.entry("-_.", "site4"), Map.entry("ab2", "ab22"));
        assertThatThrownBy(() -> BidsLabels.forNames(List.of("x", "x"))).hasMessageContaining("'x' appears twice");
    }

    @Test
    void everyLabelIsLegal() {
        for (String label : BidsLabels.forNames(List.of("é-1", "a b", "ü", "x/y")).values()) {
            assertThat(BidsLabels.isLegal(label)).as(label).isTrue();
        }
        assertThat(BidsLabels.isLegal("a-b")).isFalse();
        assertThat(BidsLabels.isLegal("")).isFalse();
        assertThat(BidsLabels.isLegal("é")).isFalse();
    }
}
