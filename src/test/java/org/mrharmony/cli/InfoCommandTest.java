package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiWriter;

class InfoCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A 3x2x2 int16 volume with values 0..11 (whole numbers: stored exactly, slope 1). */
    private Path smallVolume() throws IOException {
        double[][] affine = {{-2, 0, 0, 10}, {0, 2, 0, -20}, {0, 0, 3, 5}, {0, 0, 0, 1}};
        float[] data = new float[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        Path file = dir.resolve("small.nii.gz");
        NiftiWriter.write(file, NiftiHeader.forVolume(3, 2, 2, affine), 3, 2, 2, data, NiftiDataType.INT16);
        return file;
    }

    @Test
    void jsonHasExactlyTheDocumentedKeysAndValues() throws IOException {
        Path file = smallVolume();
        CliRun r = run("info", file.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("path", "format", "dims", "pixdim", "datatype", "scl_slope", "scl_inter",
            "qform_code", "sform_code", "affine", "min", "max", "mean");
        assertThat(json.get("path").asText()).isEqualTo(file.toString());
        assertThat(json.get("format").asText()).isEqualTo("nifti1");
        assertThat(json.get("dims").toString()).isEqualTo("[3,2,2]");
        assertThat(json.get("pixdim").toString()).isEqualTo("[2.0,2.0,3.0]");
        assertThat(json.get("datatype").asText()).isEqualTo("int16");
        assertThat(json.get("scl_slope").asDouble()).isEqualTo(1.0);
        assertThat(json.get("scl_inter").asDouble()).isEqualTo(0.0);
        assertThat(json.get("qform_code").asInt()).isEqualTo(1);
        assertThat(json.get("sform_code").asInt()).isEqualTo(1);
        assertThat(json.get("affine").toString())
            .isEqualTo("[[-2.0,0.0,0.0,10.0],[0.0,2.0,0.0,-20.0],[0.0,0.0,3.0,5.0],[0.0,0.0,0.0,1.0]]");
        assertThat(json.get("min").asDouble()).isEqualTo(0.0);
        assertThat(json.get("max").asDouble()).isEqualTo(11.0);
        assertThat(json.get("mean").asDouble()).isEqualTo(5.5);
    }

    @Test
    void jsonOfA4dFileReportsTimeAndTheFirstVolume() throws IOException {
        // Written by hand: 2x1x1 voxels x 3 volumes, float32, TR 2.5 s in pixdim[4].
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(352 + 6 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {4, 2, 1, 1, 3, 1, 1, 1};
        float[] pixdim = {1, 1.5f, 1.5f, 1.5f, 2.5f, 0, 0, 0};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putShort(70, (short) 16).putShort(72, (short) 32).putFloat(108, 352).put(344, (byte) 'n')
            .put(345, (byte) '+').put(346, (byte) '1');
        float[] values = {4, 8, 100, 200, 300, 400};
        for (int i = 0; i < values.length; i++) {
            b.putFloat(352 + 4 * i, values[i]);
        }
        Path file = Files.write(dir.resolve("time.nii"), b.array());

        JsonNode json = new ObjectMapper().readTree(run("info", "--json", file.toString()).out());

        assertThat(json.get("dims").toString()).isEqualTo("[2,1,1,3]");
        assertThat(json.get("pixdim").toString()).isEqualTo("[1.5,1.5,1.5,2.5]");
        assertThat(json.get("qform_code").asInt()).isZero();
        assertThat(json.get("affine").get(0).toString()).isEqualTo("[1.5,0.0,0.0,0.0]");
        assertThat(json.get("min").asDouble()).isEqualTo(4);
        assertThat(json.get("max").asDouble()).isEqualTo(8);
        assertThat(json.get("mean").asDouble()).isEqualTo(6);
    }

    @Test
    void textOutputIsReadable() throws IOException {
        CliRun r = run("info", smallVolume().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
            .contains("nifti1, little-endian")
            .containsPattern("dims:\\s+3 x 2 x 2")
            .containsPattern("voxel size:\\s+2 x 2 x 3 mm")
            .containsPattern("datatype:\\s+int16")
            .contains("min 0, max 11, mean 5.5");
    }

    @Test
    void badFileExitsTwoWithOneLineNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.nii"), "definitely not a NIfTI header");
        CliRun r = run("info", bad.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("mrharmony info: error: ").contains("broken.nii");
    }

    /**
     * Every kind of bad file the reader refuses, reached through the command line: exit 2, nothing
     * on stdout, one line on stderr naming the file and the problem, no stack trace, no huge
     * allocation (the 2.1-gigavoxel claims would need 8.6 GB of floats: the check comes first).
     * The damage is done by hand to a valid 4x3x2 int16 .nii at the offsets of nifti1.h.
     */
    @ParameterizedTest
    @ValueSource(strings = {"truncated-header", "truncated-data", "wrong-magic", "dim0-out-of-range",
        "negative-dim", "dims-beyond-a-java-array", "dims-beyond-the-heap", "unsupported-datatype"})
    void eachKindOfBadFileIsOneLineNamingItAndExitTwo(String damage) throws IOException {
        Path good = dir.resolve("good.nii");
        NiftiWriter.write(good, NiftiHeader.forVolume(4, 3, 2, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0},
            {0, 0, 1, 0}, {0, 0, 0, 1}}), 4, 3, 2, new float[24], NiftiDataType.INT16);
        byte[] bytes = Files.readAllBytes(good);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean hugeFitsTheHeap = 4L * 1290 * 1290 * 1290 <= Runtime.getRuntime().maxMemory();
        String problem = switch (damage) {
            case "truncated-header" -> {
                bytes = java.util.Arrays.copyOf(bytes, 200);
                yield "truncated header: 200 of 348 bytes";
            }
            case "truncated-data" -> {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length - 10);
                yield "truncated data";
            }
            case "wrong-magic" -> {
                b.put(344, "xyz\0".getBytes(StandardCharsets.ISO_8859_1));
                yield "wrong magic 'xyz'";
            }
            case "dim0-out-of-range" -> {
                b.putShort(40, (short) 9);
                yield "dim[0] is 9";
            }
            case "negative-dim" -> {
                b.putShort(44, (short) -3);
                yield "dim[2] is -3";
            }
            case "dims-beyond-a-java-array" -> {
                b.putShort(42, (short) 2000).putShort(44, (short) 2000).putShort(46, (short) 2000);
                yield "does not fit in one Java array";
            }
            case "dims-beyond-the-heap" -> {
                b.putShort(42, (short) 1290).putShort(44, (short) 1290).putShort(46, (short) 1290);
                yield hugeFitsTheHeap ? "truncated data" : "Java heap";
            }
            case "unsupported-datatype" -> {
                b.putShort(70, (short) 32).putShort(72, (short) 64);
                yield "unsupported datatype 32 (complex64)";
            }
            default -> throw new IllegalArgumentException(damage);
        };
        Path bad = Files.write(dir.resolve(damage + ".nii"), bytes);

        for (String[] args : new String[][] {{"info", bad.toString()}, {"info", "--json", bad.toString()}}) {
            CliRun r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .startsWith("mrharmony info: error: ").contains(bad.getFileName().toString()).contains(problem);
        }
    }

    @Test
    void theColinTemplateHasItsKnownShape() throws IOException {
        Path ch2 = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(ch2), "mricron-data not installed");
        JsonNode json = new ObjectMapper().readTree(run("info", "--json", ch2.toString()).out());
        assertThat(json.get("dims").toString()).isEqualTo("[181,217,181]");
        assertThat(json.get("datatype").asText()).isEqualTo("uint8");
        assertThat(json.get("sform_code").asInt()).isEqualTo(4);
        assertThat(json.get("min").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(json.get("max").asDouble()).isLessThanOrEqualTo(255);
    }
}
