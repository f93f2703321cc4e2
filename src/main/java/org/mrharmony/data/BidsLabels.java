package org.mrharmony.data;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BIDS labels ({@code sub-<label>}, {@code ses-<label>}) for arbitrary names. BIDS allows only
 * letters and digits in a label, so other characters are dropped; names that then collide or
 * vanish get a number, so that every name keeps a label of its own.
 */
public final class BidsLabels {

    private BidsLabels() {
    }

    /** Whether {@code label} is a legal BIDS label (letters and digits only, not empty). */
    public static boolean isLegal(String label) {
        return !label.isEmpty() && label.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    /**
     * A distinct legal label for each name, in the names' order: {@code siteA} stays {@code siteA},
     * {@code oslo-1.5T} becomes {@code oslo15T}; a second name that would also become
     * {@code oslo15T} gets {@code oslo15T2}, and a name with no letter or digit gets {@code site<i>}
     * (i counting from 1 in the list).
     *
     * @throws IllegalArgumentException if a name appears twice
     */
    public static Map<String, String> forNames(List<String> names) {
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (labels.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' appears twice");
            }
            StringBuilder kept = new StringBuilder();
            name.chars().filter(c -> c < 128 && Character.isLetterOrDigit(c)).forEach(kept::appendCodePoint);
            String base = kept.isEmpty() ? String.format(Locale.ROOT, "site%d", i + 1) : kept.toString();
            String label = base;
            for (int n = 2; !taken.add(label.toLowerCase(Locale.ROOT)); n++) {
                label = base + n;
            }
            labels.put(name, label);
        }
        return labels;
    }
}
