package org.mrharmony.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnumIdsTest {

    private enum Colour {
        RED, DARK_GREEN;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @Test
    void findsTheConstantByItsIdIgnoringCase() {
        assertThat(EnumIds.parse(Colour.values(), Colour::id, "Dark-GREEN", "colour")).isEqualTo(Colour.DARK_GREEN);
        assertThat(EnumIds.parse(Colour.values(), Colour::id, "red", "colour")).isEqualTo(Colour.RED);
    }

    @Test
    void unknownIdNamesWhatWasAskedAndTheChoices() {
        assertThatThrownBy(() -> EnumIds.parse(Colour.values(), Colour::id, "dark_green", "colour"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown colour 'dark_green'; choose one of [red, dark-green]");
    }
}
