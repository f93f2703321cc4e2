package org.mrharmony.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    /** FIPS 180-2's known answer for "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void fileAndBytesGiveTheKnownAnswer(@TempDir Path tmp) throws IOException {
        Path abc = Files.writeString(tmp.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertThat(Sha256.of(abc)).isEqualTo(ABC);
        assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }
}
