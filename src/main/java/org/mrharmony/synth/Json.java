package org.mrharmony.synth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mrharmony.io.AtomicFiles;

/** The JSON settings of the synth files (cohort.json, site configurations, BIDS metadata), and atomic writing. */
final class Json {

    /** Pretty, stable output (fields in declaration order); unknown input fields are errors, not ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {
    }

    /** Writes {@code value} as JSON to a temp file beside {@code target}, then renames it over the target. */
    static void writeAtomically(Path target, Object value) throws IOException {
        writeAtomically(target, MAPPER.writeValueAsBytes(value));
    }

    /** Writes text (UTF-8) to a temp file beside {@code target}, then renames it over the target. */
    static void writeTextAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.writeBytes(target, bytes);
    }

    /** The first line of a Jackson message: the problem and its location, without the source dump. */
    static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
