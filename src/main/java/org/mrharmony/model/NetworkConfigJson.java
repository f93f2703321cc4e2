package org.mrharmony.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@link NetworkConfig} as JSON (snake_case keys, every key required except {@code full_res_skip} and {@code d_patch}, no unknown keys). */
public final class NetworkConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String FULL_RES_SKIP = "full_res_skip";
    private static final String D_PATCH = "d_patch";

    private NetworkConfigJson() {}

    public static String toJson(NetworkConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NetworkConfig fromJson(String json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        if (!(tree instanceof ObjectNode object)) {
            throw new IOException("expected a JSON object");
        }
        if (!object.has(FULL_RES_SKIP)) {
            // written before the generator had its full-resolution branch: that generator had none
            object.put(FULL_RES_SKIP, false);
        }
        if (!object.has(D_PATCH)) {
            // written before the patch discriminator: one decision per image
            object.put(D_PATCH, 0);
        }
        return MAPPER.treeToValue(object, NetworkConfig.class);
    }

    /** Reads a config file; a bad file gives an IOException naming it and the problem. */
    public static NetworkConfig read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) {
                throw new IOException(file + ": no such file", e);
            }
            throw new IOException(file + ": not a valid network config: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
