package org.mrharmony.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The lower-case names by which the command line chooses an option of an enum. In a package
 * of its own that depends on nothing, so every layer (eval, harmonize, ...) parses ids the
 * same way with the same error.
 */
public final class EnumIds {

    private EnumIds() {
    }

    /**
     * The constant whose id is {@code text} (case ignored).
     *
     * @param what named in the error, e.g. "method"
     * @throws IllegalArgumentException listing the ids to choose from
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> id, String text, String what) {
        for (E e : values) {
            if (id.apply(e).equals(text.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; choose one of "
            + Arrays.stream(values).map(id).toList());
    }
}
