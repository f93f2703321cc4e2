package org.mrharmony.model;

import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts networks from another model's weights: every parameter of the source with the same
 * network, name and shape is copied (EMA copies from the source's EMA copies); the rest keep their
 * fresh initialisation. This is how a trained model continues under a changed configuration, e.g.
 * with the generator's zero-started full-resolution branch switched on, which leaves the copied
 * generator's output exactly as it was.
 *
 * @param copied parameters copied, as {@code network/parameter}
 * @param fresh  parameters of the target the source has no same-shaped counterpart for
 * @param unused parameters of the source nothing in the target took
 */
public record WarmStart(List<String> copied, List<String> fresh, List<String> unused) {

    /** Copies what matches from {@code source} into {@code target}. */
    public static WarmStart copy(StarGanV2 source, StarGanV2 target) {
        List<String> copied = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, StarGanNetwork> e : target.all().entrySet()) {
            ParameterList from = source.all().get(e.getKey()).getParameters();
            ParameterList to = e.getValue().getParameters();
            for (int i = 0; i < to.size(); i++) {
                String name = e.getKey() + "/" + to.keyAt(i);
                Parameter match = from.get(to.keyAt(i));
                if (sameShape(match, to.valueAt(i))) {
                    match.getArray().copyTo(to.valueAt(i).getArray());
                    copied.add(name);
                } else {
                    fresh.add(name);
                }
            }
            for (int i = 0; i < from.size(); i++) {
                if (!sameShape(to.get(from.keyAt(i)), from.valueAt(i))) {
                    unused.add(e.getKey() + "/" + from.keyAt(i));
                }
            }
        }
        return new WarmStart(List.copyOf(copied), List.copyOf(fresh), List.copyOf(unused));
    }

    /** Whether {@code counterpart} (null: no parameter of that name) can take {@code p}'s values. */
    private static boolean sameShape(Parameter counterpart, Parameter p) {
        return counterpart != null && counterpart.getArray().getShape().equals(p.getArray().getShape());
    }

    /** One line for people: how much was taken over. */
    public String summary() {
        return copied.size() + " parameter tensors copied, " + fresh.size() + " fresh"
            + (fresh.isEmpty() ? "" : " " + fresh) + ", " + unused.size() + " of the source unused"
            + (unused.isEmpty() ? "" : " " + unused);
    }
}
