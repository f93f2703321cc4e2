package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NiftiReaderTest {

    @TempDir
    Path dir;

    /** Values at the edges of each type's range, so sign and width mistakes show. */
    static double[] valuesFor(NiftiDataType type) {
        return switch (type) {
            case UINT8 -> new double[] {0, 1, 127, 128, 200, 255};
            case INT8 -> new double[] {-128, -1, 0, 1, 100, 127};
            case INT16 -> new double[] {-32768, -1, 0, 1, 1234, 32767};
            case UINT16 -> new double[] {0, 1, 32767, 32768, 40000, 65535};
            case INT32 -> new double[] {-2147483648.0, -1, 0, 1, 123456789, 2147483647};
            case UINT32 -> new double[] {0, 1, 2147483647, 2147483648.0, 3000000000.0, 4294967295.0};
            case INT64 -> new double[] {-0x1p62, -1, 0, 1, 0x1p40, 0x1p62};
            case FLOAT32 -> new double[] {-1.5f, 0, 0.1f, 3.25f, 1e30f, -7e-20f};
            case FLOAT64 -> new double[] {-1.5, 0, 0.1, 3.25, 1e30, -7e-20};
        };
    }

    static Stream<Arguments> everyTypeOrderAndFormat() {
        List<Arguments> cases = new ArrayList<>();
        for (NiftiDataType type : NiftiDataType.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean nifti2 : new boolean[] {false, true}) {
                    cases.add(Arguments.of(type, order, nifti2));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} nifti2={2}")
    @MethodSource("everyTypeOrderAndFormat")
    void readsEveryDatatypeInBothByteOrdersAndFormats(NiftiDataType type, ByteOrder order, boolean nifti2)
            throws IOException {
        NiftiFixture f = (nifti2 ? NiftiFixture.nifti2() : NiftiFixture.nifti1()).order(order)
            .dims(3, 2, 1).datatype(type.code()).values(valuesFor(type));
        Path file = f.writeNii(dir, "img.nii");

        NiftiImage img = NiftiReader.read(file);

        assertThat(img.header().format()).isEqualTo(nifti2 ? NiftiFormat.NIFTI2 : NiftiFormat.NIFTI1);
        assertThat(img.header().byteOrder()).isEqualTo(order);
        assertThat(img.header().datatype()).isEqualTo(type);
        assertThat(new int[] {img.nx(), img.ny(), img.nz()}).containsExactly(3, 2, 1);
        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = (float) valuesFor(type)[i];
        }
        assertThat(img.data()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileKinds")
    void readsEveryFileKind(String kind, boolean nifti2) throws IOException {
        NiftiFixture f = (nifti2 ? NiftiFixture.nifti2() : NiftiFixture.nifti1()).dims(4, 3, 2).datatype(4);
        Path file = switch (kind) {
            case ".nii" -> f.writeNii(dir, "a.nii");
            case ".nii.gz" -> f.writeNii(dir, "a.nii.gz");
            case ".hdr" -> f.writePair(dir, "a", false);
            case ".hdr.gz" -> f.writePair(dir, "a", true);
            case ".img" -> dir.resolve(f.writePair(dir, "a", false).getFileName().toString().replace(".hdr", ".img"));
            default -> throw new IllegalArgumentException(kind);
        };
        NiftiImage img = NiftiReader.read(file);
        assertThat(img.data()).containsExactly(f.expected());
        assertThat(NiftiReader.readHeader(file).spatialDims()).containsExactly(4, 3, 2);
    }

    static Stream<Arguments> fileKinds() {
        List<Arguments> cases = new ArrayList<>();
        for (String kind : List.of(".nii", ".nii.gz", ".hdr", ".hdr.gz", ".img")) {
            cases.add(Arguments.of(kind, false));
            cases.add(Arguments.of(kind, true));
        }
        return cases.stream();
    }

    @Test
    void gzipIsRecognisedByContentNotOnlyByName() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2);
        Path gz = f.writeNii(dir, "x.nii.gz");
        Path misnamed = Files.copy(gz, dir.resolve("misnamed.nii"));
        assertThat(NiftiReader.read(misnamed).data()).containsExactly(f.expected());
    }

    @Test
    void appliesSlopeAndInterceptToIntegerData() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 1).datatype(4).values(-100, 0, 7, 30000).scaling(0.5, 10);
        float[] data = NiftiReader.read(f.writeNii(dir, "s.nii")).data();
        assertThat(data).containsExactly(-40f, 10f, 13.5f, 15010f);
    }

    @Test
    void appliesScalingToFloatDataToo() throws IOException {
        NiftiFixture f = NiftiFixture.nifti2().dims(2, 1, 1).datatype(16).values(1.5, -2).scaling(2, 1);
        assertThat(NiftiReader.read(f.writeNii(dir, "s.nii")).data()).containsExactly(4f, -3f);
    }

    @Test
    void zeroOrNonFiniteSlopeMeansNoScaling() throws IOException {
        for (double slope : new double[] {0, Double.NaN, Double.POSITIVE_INFINITY}) {
            NiftiFixture f = NiftiFixture.nifti1().dims(3, 1, 1).datatype(4).values(5, -6, 7).scaling(slope, 100);
            assertThat(NiftiReader.read(f.writeNii(dir, "n.nii")).data()).as("slope " + slope)
                .containsExactly(5f, -6f, 7f);
        }
    }

    @Test
    void nonFiniteInterceptCountsAsZero() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 1, 1).datatype(2).values(3, 4).scaling(2, Double.NaN);
        assertThat(NiftiReader.read(f.writeNii(dir, "n.nii")).data()).containsExactly(6f, 8f);
    }

    @Test
    void readsTheChosenVolumeOfA4dFile() throws IOException {
        // 2x2x1 voxels, 3 volumes: volume t holds 100*t + voxel index.
        double[] values = new double[12];
        for (int t = 0; t < 3; t++) {
            for (int v = 0; v < 4; v++) {
                values[4 * t + v] = 100 * t + v;
            }
        }
        for (String name : List.of("four.nii", "four.nii.gz")) {
            Path file = NiftiFixture.nifti1().dims(2, 2, 1, 3).datatype(4).values(values).writeNii(dir, name);
            for (int t = 0; t < 3; t++) {
                NiftiImage img = NiftiReader.read(file, t);
                assertThat(img.volumeIndex()).isEqualTo(t);
                assertThat(img.data()).containsExactly(100f * t, 100f * t + 1, 100f * t + 2, 100f * t + 3);
            }
            NiftiHeader h = NiftiReader.readHeader(file);
            assertThat(h.ndim()).isEqualTo(4);
            assertThat(h.volumeCount()).isEqualTo(3);
            assertThat(h.spatialDims()).containsExactly(2, 2, 1);
        }
    }

    @Test
    void readsA4dPairVolume() throws IOException {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        Path hdr = NiftiFixture.nifti2().dims(2, 1, 1, 4).datatype(64).values(values).writePair(dir, "p", true);
        assertThat(NiftiReader.read(hdr, 3).data()).containsExactly(7f, 8f);
    }

    @Test
    void trailingUnitDimensionsBeyondFourAreAccepted() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 1, 1, 1);
        NiftiImage img = NiftiReader.read(f.writeNii(dir, "five.nii"));
        assertThat(img.data()).containsExactly(f.expected());
    }

    @Test
    void twoDimensionalImageReadsAsOneSlice() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(3, 2);
        NiftiImage img = NiftiReader.read(f.writeNii(dir, "flat.nii"));
        assertThat(new int[] {img.nx(), img.ny(), img.nz()}).containsExactly(3, 2, 1);
        assertThat(img.data()).containsExactly(f.expected());
    }

    @Test
    void readsTheInstalledColinTemplate() throws IOException {
        Path ch2 = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(ch2), "mricron-data not installed");

        NiftiImage img = NiftiReader.read(ch2);

        // Colin27 in MNI space at 1 mm: 181 x 217 x 181 uint8, sform (MNI) only.
        assertThat(new int[] {img.nx(), img.ny(), img.nz()}).containsExactly(181, 217, 181);
        assertThat(img.header().datatype()).isEqualTo(NiftiDataType.UINT8);
        assertThat(img.header().sformCode()).isEqualTo(XformCode.MNI_152.code());
        assertThat(img.header().qformCode()).isZero();
        double[][] a = img.header().affine();
        assertThat(a[0]).containsExactly(1, 0, 0, -90);
        assertThat(a[1]).containsExactly(0, 1, 0, -125);
        assertThat(a[2]).containsExactly(0, 0, 1, -71);
        // The voxels, checked against an independent decompression of the file's data bytes.
        byte[] raw;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(ch2))) {
            raw = in.readAllBytes();
        }
        long voxOffset = (long) img.header().voxOffset();
        assertThat(raw.length - voxOffset).isEqualTo(img.data().length);
        for (int i = 0; i < img.data().length; i += 997) {
            assertThat(img.data()[i]).isEqualTo(raw[(int) (voxOffset + i)] & 0xFF);
        }
    }
}
