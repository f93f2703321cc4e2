package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.HarmonizeTestData;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.nifti.NiftiDataType;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiReader;
import org.mrharmony.nifti.NiftiWriter;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class HarmonizeCommandTest {

    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;

    private static final Affine LPS = Affine.of(new double[][] {{-1.1, 0, 0, 12}, {0, -1, 0, 15}, {0, 0, 1.3, -10}});

    @BeforeAll
    static void writeModel() throws IOException {
        model = HarmonizeTestData.writeModel(shared.resolve("model"), HarmonizeTestData.TINY, 3);
    }

    private Path input(String name, Affine affine, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        VolumeIO.write(file, HarmonizeTestData.head(17, 19, 15, affine, 1.0, seed));
        return file;
    }

    private CliRun harmonize(String... args) {
        // One forward pass per test volume (see HarmonizerTest.options).
        String[] all = Stream.concat(Stream.of("harmonize", "--model", model.toString(), "--batch", "64"), Stream.of(args))
            .toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    void harmonizesAVolumeAndDescribesItInASidecar() throws IOException {
        Path in = input("in/scan.nii.gz", LPS, 1);
        Path out = dir.resolve("out");
        CliRun r = harmonize("--target", "beta", in.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path nifti = out.resolve("scan_harmonized.nii.gz");
        assertThat(r.out()).contains(in + " -> " + nifti);
        Volume result = VolumeIO.read(nifti).volume();
        assertThat(result.dims()).containsExactly(17, 19, 15);
        float max = 0;
        for (float v : result.data()) {
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(0f);

        JsonNode sidecar = new ObjectMapper().readTree(out.resolve("scan_harmonized.json").toFile());
        assertThat(sidecar.path("model_dir").asText()).isEqualTo(model.toAbsolutePath().normalize().toString());
        assertThat(sidecar.path("model_step").asLong()).isEqualTo(1234);
        assertThat(sidecar.path("target").asText()).isEqualTo("beta");
        assertThat(sidecar.path("method").asText()).isEqualTo("gan");
        assertThat(sidecar.path("style").asText()).isEqualTo("mean");
        assertThat(sidecar.path("restack").asText()).isEqualTo("mean");
        assertThat(sidecar.path("intensity_map").asText()).isEqualTo("landmarks");
        assertThat(sidecar.path("mrharmony_version").asText()).isEqualTo(VersionProvider.version());
        assertThat(sidecar.path("input").asText()).isEqualTo(in.toAbsolutePath().normalize().toString());
        assertThat(sidecar.path("seconds").asDouble()).isPositive();
        assertThat(sidecar.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(sidecar.has("Sources")).isFalse();
    }

    @Test
    void outputKeepsTheInputsGeometryInEveryOrientation() throws IOException {
        Affine las = Affine.of(new double[][] {{-1, 0, 0, 8}, {0, 1.2, 0, -9}, {0, 0, 1, -7}});
        // Oblique: a 12 degree rotation about the z axis plus a small tilt, voxels 1 x 1.1 x 1.4 mm.
        double c = Math.cos(Math.toRadians(12));
        double s = Math.sin(Math.toRadians(12));
        Affine oblique = Affine.of(new double[][] {{c, -1.1 * s, 0.05, 3}, {s, 1.1 * c, 0.1, -4}, {0, -0.08, 1.4, 5}});
        Path out = dir.resolve("out");
        int k = 0;
        for (Affine a : List.of(LPS, las, oblique)) {
            Path in = input("g" + k + ".nii", a, 10 + k);
            CliRun r = harmonize("--target", "alpha", "--restack", "center", in.toString(), "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            NiftiHeader before = NiftiReader.readHeader(in);
            NiftiHeader after = NiftiReader.readHeader(out.resolve("g" + k + "_harmonized.nii.gz"));
            for (String field : List.of("srow_x", "srow_y", "srow_z", "pixdim", "dim")) {
                for (int i = 0; i < (field.startsWith("srow") ? 4 : 8); i++) {
                    assertThat(after.number(field, i)).as(field + "[" + i + "] of " + a).isEqualTo(before.number(field, i));
                }
            }
            for (String field : List.of("quatern_b", "quatern_c", "quatern_d", "qoffset_x", "qoffset_y", "qoffset_z",
                    "qform_code", "sform_code", "xyzt_units")) {
                assertThat(after.number(field)).as(field + " of " + a).isEqualTo(before.number(field));
            }
            assertThat(after.affine()).isDeepEqualTo(before.affine());
            assertThat(after.datatype()).isEqualTo(NiftiDataType.FLOAT32);
            k++;
        }
    }

    @Test
    void sameCommandTwiceGivesIdenticalFilesAndKeepDatatypeWritesTheInputType() throws IOException {
        Path in = dir.resolve("int16.nii.gz");
        Volume v = HarmonizeTestData.head(17, 19, 15, LPS, 1.0, 4);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = Math.round(v.data()[i]);
        }
        NiftiWriter.write(in, NiftiHeader.forVolume(17, 19, 15, LPS.toRows()), 17, 19, 15, v.data(), NiftiDataType.INT16);
        for (String run : List.of("a", "b")) {
            CliRun r = harmonize("--target", "beta", "--latent-seed", "3", in.toString(), "--out", dir.resolve(run).toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("b/int16_harmonized.nii.gz")))
            .isEqualTo(Files.readAllBytes(dir.resolve("a/int16_harmonized.nii.gz")));
        assertThat(NiftiReader.readHeader(dir.resolve("a/int16_harmonized.nii.gz")).datatype()).isEqualTo(NiftiDataType.FLOAT32);
        CliRun kept = harmonize("--target", "beta", "--keep-datatype", in.toString(), "--out", dir.resolve("c").toString());
        assertThat(kept.exit()).as(kept.err()).isZero();
        assertThat(NiftiReader.readHeader(dir.resolve("c/int16_harmonized.nii.gz")).datatype()).isEqualTo(NiftiDataType.INT16);
    }

    @Test
    void baselineMethodAndChosenVolumeOfAFourDFile() throws IOException {
        Path in = fourD(dir.resolve("series.nii"), 2);
        Path out = dir.resolve("out");
        CliRun r = harmonize("--target", "alpha", "--method", "zscore", "--volume-index", "1", in.toString(),
            "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(NiftiReader.readHeader(out.resolve("series_harmonized.nii.gz")).ndim()).isEqualTo(3);
        JsonNode sidecar = new ObjectMapper().readTree(out.resolve("series_harmonized.json").toFile());
        assertThat(sidecar.path("method").asText()).isEqualTo("zscore");
        assertThat(sidecar.path("volume_index").asInt()).isEqualTo(1);
        assertThat(sidecar.has("style")).isFalse();
    }

    /** A 4D float32 .nii of {@code volumes} copies of a head, made by editing a 3D file's dim field. */
    private static Path fourD(Path file, int volumes) throws IOException {
        Volume v = HarmonizeTestData.head(17, 19, 15, LPS, 1.0, 6);
        VolumeIO.write(file, v);
        byte[] three = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(three).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort(40, (short) 4);
        header.putShort(48, (short) volumes);
        int data = three.length - 352;
        byte[] four = new byte[352 + volumes * data];
        System.arraycopy(three, 0, four, 0, three.length);
        for (int t = 1; t < volumes; t++) {
            System.arraycopy(three, 352, four, 352 + t * data, data);
        }
        Files.write(file, four);
        return file;
    }

    /** Fails with exit 2, one error line naming {@code named}, and writes nothing to {@code out}. */
    private static void assertRefused(CliRun r, String named, Path out) throws IOException {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.errorLines().get(0)).startsWith("mrharmony harmonize: error: ").contains(named);
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }

    @Test
    void badInputsAreRefusedWithOneLineAndNothingWritten() throws IOException {
        Path out = dir.resolve("out");
        Path good = input("good.nii.gz", LPS, 2);
        Path text = dir.resolve("text.nii.gz");
        Files.writeString(text, "not an image");
        assertRefused(harmonize("--target", "beta", good.toString(), text.toString(), "--out", out.toString()),
            text.toString(), out);

        Path flat = dir.resolve("flat.nii");
        NiftiWriter.write(flat, NiftiHeader.forVolume(5, 6, 1, LPS.toRows()), 5, 6, 1, new float[30], NiftiDataType.FLOAT32);
        assertRefused(harmonize("--target", "beta", flat.toString(), "--out", out.toString()), "flat.nii", out);

        Path series = fourD(dir.resolve("series.nii"), 3);
        CliRun r4 = harmonize("--target", "beta", series.toString(), "--out", out.toString());
        assertRefused(r4, "series.nii", out);
        assertThat(r4.errorLines().get(0)).contains("--volume-index");

        CliRun site = harmonize("--target", "gamma", good.toString(), "--out", out.toString());
        assertRefused(site, model.toString(), out);
        assertThat(site.errorLines().get(0)).contains("unknown site 'gamma'").contains("alpha, beta");

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(ModelDirectory.INFO_FILE), "{\"format_version\": 1, \"sites\": [");
        assertRefused(CliRun.of("harmonize", "--model", broken.toString(), "--target", "beta", good.toString(),
            "--out", out.toString()), broken.resolve(ModelDirectory.INFO_FILE).toString(), out);

        assertRefused(harmonize("--target", "beta", "--suffix", "", "--overwrite", good.toString(), "--out",
            dir.toString()), good.toString(), dir.resolve("none"));
        assertThat(VolumeIO.read(good).volume().data()).containsExactly(
            HarmonizeTestData.head(17, 19, 15, LPS, 1.0, 2).data());
    }

    @Test
    void existingOutputIsKeptWithoutOverwriteAndReplacedWithIt() throws IOException {
        Path in = input("scan.nii.gz", LPS, 3);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path existing = out.resolve("scan_harmonized.nii.gz");
        Files.writeString(existing, "old");
        CliRun refused = harmonize("--target", "beta", in.toString(), "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errorLines()).singleElement().asString().contains(existing.toString()).contains("--overwrite");
        assertThat(Files.readString(existing)).isEqualTo("old");
        assertThat(out.resolve("scan_harmonized.json")).doesNotExist();
        CliRun replaced = harmonize("--target", "beta", "--overwrite", in.toString(), "--out", out.toString());
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(VolumeIO.read(existing).volume().dims()).containsExactly(17, 19, 15);
    }

    @Test
    void conflictingStyleOptionsAreRefused() throws IOException {
        Path in = input("scan.nii.gz", LPS, 3);
        CliRun both = harmonize("--target", "beta", "--latent-seed", "1", "--reference", in.toString(), in.toString(),
            "--out", dir.resolve("o").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errorLines()).singleElement().asString().contains("choose one style");
        CliRun baseline = harmonize("--target", "beta", "--method", "nyul", "--latent-seed", "1", in.toString(),
            "--out", dir.resolve("o").toString());
        assertThat(baseline.exit()).isEqualTo(2);
        assertThat(baseline.errorLines()).singleElement().asString().contains("--method nyul");
    }

    @Test
    void interactiveProgressShowsABarPerVolumeAndALinePerFinishedVolume() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream bar = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(bar, true, java.nio.charset.StandardCharsets.UTF_8));
            HarmonizeCommand.ConsoleProgress progress = new HarmonizeCommand.ConsoleProgress(new java.io.PrintWriter(text), true);
            org.mrharmony.harmonize.HarmonizeJob job = new org.mrharmony.harmonize.HarmonizeJob(Path.of("in/a.nii"), null,
                Path.of("out/a_harmonized.nii.gz"), Path.of("out/a_harmonized.json"));
            progress.volumeStarted(1, 2, job, 10);
            progress.slicesDone(4);
            progress.slicesDone(6);
            progress.volumeFinished(job, 1.24);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(bar.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("[1/2] a.nii").contains("10/10");
        assertThat(text.toString()).isEqualTo("in/a.nii -> out/a_harmonized.nii.gz (1.2 s)" + System.lineSeparator());
    }
}
