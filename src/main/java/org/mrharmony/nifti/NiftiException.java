package org.mrharmony.nifti;

import java.io.IOException;
import java.nio.file.Path;

/** A NIfTI file we cannot read or write; the message always names the file and the problem. */
public class NiftiException extends IOException {

    public NiftiException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public NiftiException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
