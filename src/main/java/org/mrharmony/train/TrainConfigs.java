package org.mrharmony.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.NetworkPresets;

/**
 * Builds a {@link TrainConfig} as data: the preset's defaults, then a JSON file's values, then
 * single values from the command line — each layer overriding the one before, field by field.
 */
public final class TrainConfigs {

    private static final String LR_D = "lr_d";

    private TrainConfigs() {
    }

    public static TrainConfig resolve(String preset, int sites, Path configFile, Map<String, Object> overrides)
            throws IOException {
        TrainConfig defaults = TrainConfig.defaults(preset, NetworkPresets.named(preset, sites));
        ObjectNode tree = ModelDirectory.JSON.valueToTree(defaults);
        boolean lrDGiven = overrides.containsKey(LR_D);
        if (configFile != null) {
            JsonNode file;
            try {
                file = ModelDirectory.JSON.readTree(configFile.toFile());
            } catch (IOException e) {
                throw new IOException(configFile + ": not a readable JSON configuration: "
                    + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!file.isObject()) {
                throw new IOException(configFile + ": a training configuration must be a JSON object");
            }
            merge(tree, (ObjectNode) file, configFile.toString(), "");
            lrDGiven |= file.has(LR_D);
        }
        overrides.forEach((key, value) -> tree.set(key, ModelDirectory.JSON.valueToTree(value)));
        if (!lrDGiven) {
            // unset, the discriminator's rate follows whatever lr the file chose (TrainConfig)
            tree.remove(LR_D);
        }
        // the networks' site count always follows the data
        ((ObjectNode) tree.get("network")).put("num_domains", sites);
        try {
            return ModelDirectory.JSON.treeToValue(tree, TrainConfig.class);
        } catch (IOException e) {
            String where = configFile == null ? "options" : configFile.toString();
            throw new IllegalArgumentException(where + ": invalid training configuration: "
                + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Deep merge; unknown keys are an error so that a typo does not silently do nothing. */
    private static void merge(ObjectNode target, ObjectNode source, String file, String path) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                throw new IOException(file + ": unknown setting '" + path + e.getKey() + "'");
            }
            if (existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), file, path + e.getKey() + ".");
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
