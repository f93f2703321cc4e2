package org.mrharmony.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.mrharmony.io.AtomicFiles;

/**
 * The vendored NiiVue browser build (resources {@code org/mrharmony/report/niivue/}, see the
 * README there) that every report with a viewer carries next to its {@code report.html}.
 */
final class NiivueBundle {

    static final String VERSION = "0.69.0";
    static final String FOLDER = "niivue";
    static final String SCRIPT = "niivue.umd.js";
    static final String LICENSE = "LICENSE";
    private static final String RESOURCES = "/org/mrharmony/report/niivue/";

    private NiivueBundle() {
    }

    /** Copies the script and its licence into {@code reportFolder/niivue/}. */
    static void copyInto(Path reportFolder) throws IOException {
        Path target = reportFolder.resolve(FOLDER);
        for (String name : new String[] {SCRIPT, LICENSE}) {
            byte[] bytes = resource(name);
            AtomicFiles.writeBytes(target.resolve(name), bytes);
        }
    }

    /** The bytes of a vendored file, e.g. {@code niivue.umd.js}. */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = NiivueBundle.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCES + name + " is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    /** A text resource of this package (stylesheet, viewer script) to inline into the page. */
    static String text(String name) {
        try (InputStream in = NiivueBundle.class.getResourceAsStream("/org/mrharmony/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource org/mrharmony/report/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
