package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad file gives a one-line NiftiException naming the file, never a crash or a huge allocation. */
class NiftiBadInputTest {

    @TempDir
    Path dir;

    private static void assertFails(ThrowingCallable call, Path file, String problem) {
        assertThatThrownBy(call)
            .isInstanceOf(NiftiException.class)
            .hasMessageContaining(file.getFileName().toString())
            .hasMessageContaining(problem)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private void assertReadFails(Path file, String problem) {
        assertFails(() -> NiftiReader.read(file), file, problem);
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] header = NiftiFixture.nifti1().header(false);
        Path file = dir.resolve("short.nii");
        Files.write(file, Arrays.copyOf(header, 100));
        assertReadFails(file, "truncated header: 100 of 348 bytes");
        assertFails(() -> NiftiReader.readHeader(file), file, "truncated header");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.nii.gz"), new byte[0]);
        assertReadFails(file, "truncated header: the file has only 0 bytes");
    }

    @Test
    void truncatedData() throws IOException {
        Path full = NiftiFixture.nifti1().dims(10, 10, 10).datatype(4).writeNii(dir, "full.nii");
        byte[] bytes = Files.readAllBytes(full);
        Path file = Files.write(dir.resolve("cut.nii"), Arrays.copyOf(bytes, bytes.length - 501));
        assertReadFails(file, "truncated data");
    }

    @Test
    void truncatedGzip() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(20, 20, 20).datatype(16);
        f.values = randomValues(8000);
        byte[] gz = Files.readAllBytes(f.writeNii(dir, "full.nii.gz"));
        Path file = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
        assertReadFails(file, "truncated");
    }

    @Test
    void truncatedPairImage() throws IOException {
        Path hdr = NiftiFixture.nifti1().dims(4, 4, 4).datatype(4).writePair(dir, "pair", false);
        Path img = dir.resolve("pair.img");
        Files.write(img, Arrays.copyOf(Files.readAllBytes(img), 50));
        // The message names the half of the pair that is damaged.
        assertFails(() -> NiftiReader.read(hdr), img, "truncated data");
    }

    @Test
    void corruptGzipData() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(20, 20, 20).datatype(16);
        f.values = randomValues(8000);
        byte[] gz = Files.readAllBytes(f.writeNii(dir, "good.nii.gz"));
        byte[] bad = gz.clone();
        for (int i = gz.length / 2; i < gz.length / 2 + 16; i++) {
            bad[i] ^= 0x5A;
        }
        Path file = Files.write(dir.resolve("bad.nii.gz"), bad);
        assertReadFails(file, "gzip");
    }

    @Test
    void corruptGzipChecksum() throws IOException {
        byte[] gz = Files.readAllBytes(NiftiFixture.nifti1().dims(3, 3, 3).writeNii(dir, "good.nii.gz"));
        gz[gz.length - 6] ^= 0x01; // inside the CRC-32 of the trailer: the data decode fine
        Path file = Files.write(dir.resolve("crc.nii.gz"), gz);
        assertReadFails(file, "corrupt gzip data");
    }

    @Test
    void notGzipAtAllDespiteTheName() throws IOException {
        Path file = Files.writeString(dir.resolve("text.nii.gz"), "hello, this is not an image at all");
        assertReadFails(file, "not a NIfTI file: sizeof_hdr is");
    }

    @Test
    void garbageSizeofHdr() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        f.sizeofHdr = 1234;
        assertReadFails(f.writeNii(dir, "size.nii"), "sizeof_hdr is 1234 (expected 348 or 540");
    }

    @Test
    void wrongMagic() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        f.magic = "xyz";
        assertReadFails(f.writeNii(dir, "magic.nii"), "wrong magic 'xyz'");
        f.magic = "";
        assertReadFails(f.writeNii(dir, "analyze.nii"), "Analyze");
    }

    @Test
    void pairMagicInASingleFile() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        f.magic = "ni1";
        assertReadFails(f.writeNii(dir, "pairmagic.nii"), "pair");
    }

    @ParameterizedTest
    @CsvSource({"0, dim[0] is 0", "8, dim[0] is 8", "-3, dim[0] is -3"})
    void invalidDimCount(int dim0, String problem) throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        f.dim[0] = dim0;
        assertReadFails(f.writeNii(dir, "dim0.nii"), problem);
    }

    @ParameterizedTest
    @CsvSource({"2, 0", "1, -5", "3, 0", "4, 0"})
    void zeroOrNegativeDimension(int axis, int value) throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2, 2);
        f.dim[axis] = value;
        f.values = new double[0];
        assertReadFails(f.writeNii(dir, "dims.nii"), "dim[" + axis + "] is " + value);
    }

    @Test
    void fiveDimensionalImage() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2, 1, 3);
        assertReadFails(f.writeNii(dir, "five.nii"), "only 3D and 4D");
    }

    @Test
    void volumeTooLargeForAJavaArray() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2000, 2000, 2000).values();
        assertReadFails(f.writeNii(dir, "huge.nii"), "does not fit in one Java array");
    }

    @Test
    void nifti2DimensionBeyondInt() throws IOException {
        NiftiFixture f = NiftiFixture.nifti2().dims(3L << 32, 1, 1).values();
        assertReadFails(f.writeNii(dir, "wide.nii"), "too large to index");
    }

    @Test
    void dimsClaimingMoreDataThanTheFileHasFailBeforeAllocating() throws IOException {
        // 10^9 uint8 voxels (a 4 GB float array) in a file of a few hundred bytes.
        NiftiFixture f = NiftiFixture.nifti1().dims(1000, 1000, 1000).datatype(2).values(1, 2, 3);
        Path file = f.writeNii(dir, "liar.nii");
        String expected = 4e9 > Runtime.getRuntime().maxMemory() ? "Java heap" : "truncated data: the header needs";
        assertReadFails(file, expected);
    }

    @Test
    void dimsTooLargeForTheHeapFailBeforeAllocating() throws IOException {
        // 2.1e9 voxels: fits a Java array, but not as floats in any heap the tests run with.
        NiftiFixture f = NiftiFixture.nifti1().dims(1290, 1290, 1290).datatype(2).values(1);
        Path file = f.writeNii(dir, "heap.nii");
        long needed = 4L * 1290 * 1290 * 1290;
        String expected = needed > Runtime.getRuntime().maxMemory() ? "Java heap" : "truncated data";
        assertReadFails(file, expected);
    }

    @Test
    void gzipTooSmallForWhatTheHeaderClaims() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(1000, 1000, 100).datatype(2).values(1, 2, 3);
        assertReadFails(f.writeNii(dir, "liar.nii.gz"), "cannot hold more than");
    }

    @ParameterizedTest
    @CsvSource({"32, complex64", "128, rgb24", "1280, uint64", "1536, float128", "2304, rgba32",
        "1, binary", "0, unknown", "9999, not a NIfTI datatype"})
    void unsupportedDatatype(int code, String name) throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().datatype(code);
        Path file = f.writeNii(dir, "type.nii");
        assertReadFails(file, "unsupported datatype " + code + " (" + name + ")");
        assertFails(() -> NiftiReader.readHeader(file), file, "unsupported datatype " + code);
    }

    @Test
    void volumeIndexOutOfRange() throws IOException {
        Path file = NiftiFixture.nifti1().dims(2, 2, 2, 3).writeNii(dir, "four.nii");
        assertFails(() -> NiftiReader.read(file, 3), file, "volume index 3 is out of range: the image has 3 volumes");
        assertFails(() -> NiftiReader.read(file, -1), file, "volume index -1 is out of range");
        Path three = NiftiFixture.nifti1().dims(2, 2, 2).writeNii(dir, "three.nii");
        assertFails(() -> NiftiReader.read(three, 1), three, "has 1 volume (index 0)");
    }

    @Test
    void missingImageOfAPair() throws IOException {
        Path hdr = NiftiFixture.nifti1().writePair(dir, "lonely", false);
        Files.delete(dir.resolve("lonely.img"));
        assertReadFails(hdr, "no image file lonely.img");
    }

    @Test
    void missingHeaderOfAPair() throws IOException {
        NiftiFixture.nifti1().writePair(dir, "headless", false);
        Files.delete(dir.resolve("headless.hdr"));
        assertReadFails(dir.resolve("headless.img"), "no header file headless.hdr");
    }

    @Test
    void aBadHeaderReachedThroughTheImageNamesTheHeader() throws IOException {
        NiftiFixture.nifti1().datatype(128).writePair(dir, "rgb", false);
        Path img = dir.resolve("rgb.img");
        assertFails(() -> NiftiReader.read(img), dir.resolve("rgb.hdr"), "unsupported datatype 128 (rgb24)");
    }

    @Test
    void missingFileDirectoryAndUnknownExtension() throws IOException {
        assertReadFails(dir.resolve("absent.nii"), "no such file");
        assertReadFails(Files.createDirectory(dir.resolve("folder.nii")), "not a regular file");
        assertReadFails(Files.writeString(dir.resolve("notes.txt"), "x"), "not a NIfTI file name");
    }

    @Test
    void negativeOrFractionalVoxOffset() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        Path hdr = f.writePair(dir, "neg", false);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(hdr)).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(108, -4);
        Files.write(hdr, b.array());
        assertReadFails(hdr, "vox_offset is -4.0");
        b.putFloat(108, 10.5f);
        Files.write(hdr, b.array());
        assertReadFails(hdr, "vox_offset is 10.5");
    }

    @Test
    void voxOffsetInsideTheHeaderOfASingleFile() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1();
        f.voxOffset = 100;
        assertReadFails(f.writeNii(dir, "inside.nii"), "vox_offset 100 lies inside the 348-byte header");
    }

    private static double[] randomValues(int n) {
        Random random = new Random(3);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
