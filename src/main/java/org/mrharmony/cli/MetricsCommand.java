package org.mrharmony.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mrharmony.eval.DataRange;
import org.mrharmony.eval.Masks;
import org.mrharmony.eval.SimilarityScores;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mrharmony metrics A B}: SSIM, PSNR and MAE of image A against reference B. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "SSIM, PSNR and MAE of image A against the reference B (same voxel grid).",
        "SSIM: 3D Gaussian window sigma 1.5 voxels (11 taps), K1 0.01, K2 0.03, map averaged over the mask."
    })
public final class MetricsCommand implements Callable<Integer> {

    /** Largest difference between two affines' elements still taken as the same grid (float headers). */
    static final double AFFINE_TOLERANCE = 1e-3;

    @Parameters(index = "0", paramLabel = "A", description = "Image to score (.nii or .nii.gz).")
    Path image;

    @Parameters(index = "1", paramLabel = "B", description = "Reference image on the same grid.")
    Path reference;

    @Option(names = "--mask", paramLabel = "M", description = "Average inside the voxels > 0 of M (default: all voxels).")
    Path mask;

    @Option(names = "--data-range", paramLabel = "R",
        description = "Data range for SSIM and PSNR (default: max - min of B inside the mask).")
    Double dataRange;

    @Option(names = "--json", description = "Print {\"ssim\", \"psnr\", \"mae\"} as JSON (PSNR of identical images: \"Infinity\").")
    boolean json;

    @Spec
    CommandSpec spec;

    /** A volume with the name (file) to use in messages. */
    record Named(String name, Volume volume) {
    }

    @Override
    public Integer call() throws IOException {
        Named a = new Named(image.toString(), VolumeIO.read(image).volume());
        Named b = new Named(reference.toString(), VolumeIO.read(reference).volume());
        Named m = mask == null ? null : new Named(mask.toString(), VolumeIO.read(mask).volume());
        SimilarityScores scores = measure(a, b, m, dataRange);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(scores));
        } else {
            double range = dataRange != null ? dataRange : DataRange.ofReference(b.volume(), maskOf(m));
            String where = (m == null ? "all voxels" : "inside " + m.name())
                + String.format(Locale.ROOT, ", data range %.6g", range) + (dataRange == null ? " from B" : "");
            out.print(toText(scores, where));
        }
        out.flush();
        return 0;
    }

    /**
     * The command's core: checks that the grids match (errors name the files) and scores A
     * against the reference B inside the voxels > 0 of the mask volume (null: all voxels).
     */
    static SimilarityScores measure(Named a, Named b, Named maskVolume, Double dataRange) {
        requireSameGrid(a, b);
        if (maskVolume != null) {
            requireSameGrid(maskVolume, b);
            if (Masks.count(maskOf(maskVolume)) == 0) {
                throw new UserError(maskVolume.name() + ": mask is empty (no voxel > 0)");
            }
        }
        boolean[] m = maskOf(maskVolume);
        if (dataRange == null && !(DataRange.ofReference(b.volume(), m) > 0)) {
            throw new UserError(b.name() + ": reference is constant"
                + (maskVolume == null ? "" : " inside " + maskVolume.name()) + "; give --data-range");
        }
        return SimilarityScores.compare(a.volume(), b.volume(), m, dataRange);
    }

    static String toText(SimilarityScores scores, String where) {
        return String.format(Locale.ROOT, "ssim  %.6f%npsnr  %.4f dB%nmae   %.6g%n(%s)%n",
            scores.ssim(), scores.psnr(), scores.mae(), where);
    }

    static String toJson(SimilarityScores scores) {
        try {
            return new ObjectMapper().writeValueAsString(scores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise three doubles", e);
        }
    }

    private static boolean[] maskOf(Named maskVolume) {
        return maskVolume == null ? null : Masks.positive(maskVolume.volume());
    }

    private static void requireSameGrid(Named x, Named y) {
        Volume u = x.volume();
        Volume v = y.volume();
        if (u.nx() != v.nx() || u.ny() != v.ny() || u.nz() != v.nz()) {
            throw new UserError(x.name() + " (" + u.nx() + "x" + u.ny() + "x" + u.nz() + ") and " + y.name()
                + " (" + v.nx() + "x" + v.ny() + "x" + v.nz() + ") are not on the same voxel grid");
        }
        double[] p = u.affine().m();
        double[] q = v.affine().m();
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(p[i] - q[i]) > AFFINE_TOLERANCE) {
                throw new UserError(x.name() + " and " + y.name()
                    + " have the same size but different voxel-to-world affines (resample one onto the other first)");
            }
        }
    }
}
