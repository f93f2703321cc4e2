package org.mrharmony.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sites configuration file: a JSON array of {@link SiteParameters}, or an object with a
 * {@code "sites"} array (so a cohort.json's site list can be reused as it is).
 */
public final class SiteConfig {

    private SiteConfig() {
    }

    public static List<SiteParameters> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such sites configuration file");
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + Json.firstLine(e.getOriginalMessage()));
        }
        JsonNode array = root != null && root.isObject() ? root.get("sites") : root;
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IOException(file + ": expected a non-empty array of sites, or {\"sites\": [...]}");
        }
        List<SiteParameters> sites = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : array) {
            SiteParameters site;
            try {
                site = Json.MAPPER.treeToValue(node, SiteParameters.class);
            } catch (JsonProcessingException e) {
                Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
                String why = cause != null ? cause.getMessage() : Json.firstLine(e.getOriginalMessage());
                throw new IOException(file + ": site " + (sites.size() + 1) + ": " + why);
            }
            if (!names.add(site.name())) {
                throw new IOException(file + ": site name '" + site.name() + "' appears twice");
            }
            sites.add(site);
        }
        return List.copyOf(sites);
    }
}
