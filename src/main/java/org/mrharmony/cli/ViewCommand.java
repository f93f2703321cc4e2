package org.mrharmony.cli;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.mrharmony.io.AtomicFiles;
import org.mrharmony.volume.DisplayPlane;
import org.mrharmony.volume.DisplaySlices;
import org.mrharmony.volume.Image2D;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;
import org.mrharmony.volume.VolumeStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mrharmony view}: a PNG of a volume's axial, coronal and sagittal slices, side by side. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    description = {
        "Write a PNG of the axial, coronal and sagittal mid-slices of a NIfTI volume, side by side.",
        "The volume is reoriented to RAS first; display is neurological: patient's left on the image's left,"
            + " anterior at the top (axial), superior at the top (coronal, sagittal), anterior on the left"
            + " (sagittal). Pixels are square in millimetres; grey levels span the 1st to 99th percentile"
            + " of the non-zero voxels."
    })
public final class ViewCommand implements Callable<Integer> {

    /** Black pixels between panels. */
    static final int GAP = 4;

    @Parameters(index = "0", paramLabel = "FILE", description = "NIfTI volume (.nii, .nii.gz, .hdr/.img)")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "output image (written atomically)")
    Path out;

    @Option(names = "--slice-axis", split = ",", paramLabel = "PLANE", converter = PlaneConverter.class,
        description = "planes to show, left to right: axial, coronal, sagittal (default: all three)")
    List<DisplayPlane> planes = List.of(DisplayPlane.AXIAL, DisplayPlane.CORONAL, DisplayPlane.SAGITTAL);

    @Option(names = "--position", defaultValue = "0.5", paramLabel = "F",
        description = "where to cut each plane, as a fraction of its axis in RAS (default 0.5: mid-slice)")
    double position;

    @Option(names = "--volume", defaultValue = "0", paramLabel = "N", description = "volume of a 4D file (default 0)")
    int volumeIndex;

    @Spec
    CommandSpec spec;

    /** The rendered picture and where each panel sits in it, in the order asked for. */
    public record OrthoImage(BufferedImage image, List<Rectangle> panels) {
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new UserError(input + ": no such file");
        }
        if (!(position >= 0 && position <= 1)) {
            throw new UserError("--position must be within 0..1, got " + position);
        }
        if (Files.exists(out) && Files.isSameFile(input, out)) {
            throw new UserError(out + ": refusing to overwrite the input");
        }
        Volume volume = VolumeIO.read(input, volumeIndex).volume();
        writePng(render(volume, planes, position).image(), out);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    /**
     * Renders the planes of a volume in any orientation: reoriented to RAS, sliced at
     * {@code position} along each plane's axis, windowed at the 1st and 99th percentiles
     * of the non-zero voxels (see {@link #window}), one common pixel size (the finest voxel size) so panels share a scale,
     * panels top-aligned left to right with {@link #GAP} black pixels between them.
     */
    public static OrthoImage render(Volume volume, List<DisplayPlane> planes, double position) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no planes to show");
        }
        Volume ras = Reorient.toCanonical(volume).volume();
        double[] window = window(ras);
        double pixelMm = DisplaySlices.finestVoxelSize(ras);
        List<Image2D> slices = new ArrayList<>();
        int width = -GAP;
        int height = 0;
        for (DisplayPlane plane : planes) {
            Image2D slice = DisplaySlices.render(ras, plane, DisplaySlices.sliceAt(ras, plane, position), pixelMm);
            slices.add(slice);
            width += slice.width() + GAP;
            height = Math.max(height, slice.height());
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        List<Rectangle> panels = new ArrayList<>();
        int x0 = 0;
        for (Image2D slice : slices) {
            for (int r = 0; r < slice.height(); r++) {
                for (int c = 0; c < slice.width(); c++) {
                    raster.setSample(x0 + c, r, 0, grey(slice.get(c, r), window[0], window[1]));
                }
            }
            panels.add(new Rectangle(x0, 0, slice.width(), slice.height()));
            x0 += slice.width() + GAP;
        }
        return new OrthoImage(image, panels);
    }

    /**
     * The 1st and 99th percentiles of the non-zero voxels ({0, 0} if there are none): the zero
     * background outside the head, often half the volume, would otherwise pull the lower
     * bound to 0 and wash out the tissue contrast.
     */
    static double[] window(Volume volume) {
        float[] values = new float[volume.size()];
        int n = 0;
        for (float f : volume.data()) {
            if (f != 0 && !Float.isNaN(f)) {
                values[n++] = f;
            }
        }
        return n == 0 ? new double[] {0, 0} : VolumeStats.percentiles(Arrays.copyOf(values, n), 1, 99);
    }

    /** 0..255 for values from lo to hi, clipped; a flat window shows above-lo as white. */
    static int grey(float v, double lo, double hi) {
        if (Float.isNaN(v)) {
            return 0;
        }
        if (!(hi > lo)) {
            return v > lo ? 255 : 0;
        }
        double t = (v - lo) / (hi - lo);
        return (int) Math.round(255 * Math.min(Math.max(t, 0), 1));
    }

    /** Writes to a temporary file in the same folder, then renames it over {@code out}. */
    static void writePng(BufferedImage image, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(out + ": output folder does not exist");
        }
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException(out + ": no PNG writer available");
            }
        });
    }

    /** Plane names, case-insensitive. */
    static final class PlaneConverter implements ITypeConverter<DisplayPlane> {
        @Override
        public DisplayPlane convert(String value) {
            try {
                return DisplayPlane.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a plane (axial, coronal, sagittal)");
            }
        }
    }
}
