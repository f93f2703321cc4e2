package org.mrharmony.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Reads .nii, .nii.gz and .hdr/.img pairs, NIfTI-1 and NIfTI-2, either byte order.
 *
 * <p>Everything a file says about its size is checked against what the file and the heap
 * can hold before any voxel array is allocated, so a damaged or hostile file fails with a
 * one-line {@link NiftiException} instead of an OutOfMemoryError.
 */
public final class NiftiReader {

    /**
     * Deflate cannot compress better than about 1032:1, so a gzip file of n bytes never holds
     * more than this many times n bytes: a bound on what a header may claim before we believe it.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    private NiftiReader() {
    }

    public static NiftiHeader readHeader(Path file) throws NiftiException {
        NiftiFiles files = NiftiFiles.locate(file);
        try (InputStream in = NiftiFiles.open(files.header())) {
            return readValidHeader(files.header(), files, in);
        } catch (IOException e) {
            throw asNiftiException(files.header(), e);
        }
    }

    /** The first (or only) volume. */
    public static NiftiImage read(Path file) throws NiftiException {
        return read(file, 0);
    }

    public static NiftiImage read(Path file, int volumeIndex) throws NiftiException {
        NiftiFiles files = NiftiFiles.locate(file);
        if (!files.pair()) {
            try (InputStream in = NiftiFiles.open(file)) {
                NiftiHeader header = readValidHeader(file, files, in);
                return readVolume(file, file, header, in, header.layout().headerSize(), volumeIndex);
            } catch (IOException e) {
                throw asNiftiException(file, e);
            }
        }
        NiftiHeader header = readHeader(file);
        try (InputStream in = NiftiFiles.open(files.data())) {
            return readVolume(file, files.data(), header, in, 0, volumeIndex);
        } catch (IOException e) {
            throw asNiftiException(files.data(), e);
        }
    }

    private static NiftiHeader readValidHeader(Path file, NiftiFiles files, InputStream in) throws IOException {
        NiftiHeader header = decodeHeader(file, in);
        for (HeaderIssue issue : header.check()) {
            if (issue.isError()) {
                throw new NiftiException(file, issue.message());
            }
        }
        String magic = header.magic();
        boolean pairMagic = magic.startsWith("ni");
        if (pairMagic != files.pair()) {
            throw new NiftiException(file, "magic '" + magic + "' marks " + (pairMagic
                ? "a .hdr/.img pair, but this is a single-file name" : "a single .nii file, but this is a .hdr/.img name"));
        }
        return header;
    }

    /** Finds the format and byte order from sizeof_hdr (348 or 540, read either way round), then reads the rest. */
    static NiftiHeader decodeHeader(Path file, InputStream in) throws IOException {
        byte[] first = in.readNBytes(4);
        if (first.length < 4) {
            throw new NiftiException(file, "truncated header: the file has only " + first.length + " bytes");
        }
        int little = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int big = ByteBuffer.wrap(first).order(ByteOrder.BIG_ENDIAN).getInt();
        HeaderLayout layout;
        ByteOrder order;
        if (little == HeaderLayout.NIFTI1.headerSize() || big == HeaderLayout.NIFTI1.headerSize()) {
            layout = HeaderLayout.NIFTI1;
        } else if (little == HeaderLayout.NIFTI2.headerSize() || big == HeaderLayout.NIFTI2.headerSize()) {
            layout = HeaderLayout.NIFTI2;
        } else {
            throw new NiftiException(file, "not a NIfTI file: sizeof_hdr is " + little
                + " (expected 348 or 540 in either byte order)");
        }
        order = little == layout.headerSize() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        byte[] bytes = new byte[layout.headerSize()];
        System.arraycopy(first, 0, bytes, 0, 4);
        int rest = in.readNBytes(bytes, 4, bytes.length - 4);
        if (rest < bytes.length - 4) {
            throw new NiftiException(file, "truncated header: " + (4 + rest) + " of " + bytes.length + " bytes");
        }
        return new NiftiHeader(layout, bytes, order);
    }

    /**
     * Reads volume {@code volumeIndex} from a stream positioned {@code consumed} bytes into the
     * data file ({@code dataFile}, named in messages; {@code file} is what the caller asked for).
     */
    private static NiftiImage readVolume(Path file, Path dataFile, NiftiHeader header, InputStream in, long consumed,
                                         int volumeIndex) throws IOException {
        int volumes = header.volumeCount();
        if (volumeIndex < 0 || volumeIndex >= volumes) {
            throw new NiftiException(dataFile, "volume index " + volumeIndex + " is out of range: the image has "
                + volumes + (volumes == 1 ? " volume (index 0)" : " volumes (0 to " + (volumes - 1) + ")"));
        }
        NiftiDataType type = header.datatype();
        int[] d = header.spatialDims();
        int voxels = (int) header.voxelsPerVolume();
        long volumeBytes = (long) voxels * type.bytes();
        long dataStart = (long) header.voxOffset();
        if (consumed > 0 && dataStart < consumed) {
            throw new NiftiException(dataFile, "vox_offset " + dataStart + " lies inside the "
                + consumed + "-byte header");
        }
        long start = dataStart + volumeIndex * volumeBytes;
        long end = start + volumeBytes;
        boolean gzip = NiftiFiles.isGzip(dataFile);
        checkAffordable(dataFile, gzip, voxels, end);

        skipExactly(dataFile, in, start - consumed);
        float[] data = new float[voxels];
        double slope = header.hasScaling() ? header.sclSlope() : 1.0;
        double inter = header.hasScaling() ? header.effectiveInter() : 0.0;
        int read = VoxelDecoder.read(in, type, header.byteOrder(), slope, inter, data);
        if (read < voxels) {
            throw new NiftiException(dataFile, "truncated data: the file ends after " + read + " of " + voxels
                + " voxels of volume " + volumeIndex);
        }
        if (gzip && volumeIndex == volumes - 1) {
            // Corrupt deflate data can decode without error; only the CRC in the gzip trailer
            // tells. Reading to the end checks it, and after the last volume that costs nothing.
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new NiftiImage(file, header, d[0], d[1], d[2], volumeIndex, data);
    }

    /** Refuses, before allocating, a volume the heap cannot hold or the file cannot contain. */
    private static void checkAffordable(Path dataFile, boolean gzip, int voxels, long bytesNeeded)
            throws IOException {
        long heapBytes = Runtime.getRuntime().maxMemory();
        long floatBytes = 4L * voxels;
        if (floatBytes > heapBytes) {
            throw new NiftiException(dataFile, "a volume of " + voxels + " voxels needs " + mib(floatBytes)
                + " MiB, more than the " + mib(heapBytes) + " MiB Java heap");
        }
        long fileSize = Files.size(dataFile);
        if (gzip) {
            long most = fileSize * MAX_DEFLATE_RATIO;
            if (bytesNeeded > most) {
                throw new NiftiException(dataFile, "header claims " + bytesNeeded + " bytes of data, but a gzip file of "
                    + fileSize + " bytes cannot hold more than " + most + " (truncated file or wrong dims)");
            }
        } else if (fileSize < bytesNeeded) {
            throw new NiftiException(dataFile, "truncated data: the header needs " + bytesNeeded
                + " bytes but the file has " + fileSize);
        }
    }

    private static void skipExactly(Path dataFile, InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new NiftiException(dataFile, "truncated data: the file ends before the voxel data starts");
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    private static NiftiException asNiftiException(Path file, IOException e) {
        if (e instanceof NiftiException n) {
            return n;
        }
        if (e instanceof ZipException) {
            return new NiftiException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException) {
            return new NiftiException(file, "truncated gzip data (" + e.getMessage() + ")", e);
        }
        return new NiftiException(file, "cannot read (" + e + ")", e);
    }
}
