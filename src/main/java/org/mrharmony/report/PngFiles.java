package org.mrharmony.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.mrharmony.io.AtomicFiles;

/** Writes images as PNG, atomically. */
public final class PngFiles {

    private PngFiles() {
    }

    public static void write(BufferedImage image, Path target) throws IOException {
        Headless.ensure();
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + target);
            }
        });
    }
}
