package org.mrharmony.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mrharmony.nifti.HeaderIssue;
import org.mrharmony.nifti.NiftiHeader;
import org.mrharmony.nifti.NiftiImage;
import org.mrharmony.nifti.NiftiReader;
import org.mrharmony.nifti.SpatialUnit;
import org.mrharmony.nifti.TimeUnit;
import org.mrharmony.nifti.XformCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mrharmony info FILE [--json]}: what a NIfTI file holds, header and intensities. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Print a NIfTI file's header and the intensity range of its first volume.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = ".nii, .nii.gz, .hdr or .img file")
    Path file;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NiftiImage image = NiftiReader.read(file, 0);
        FileInfo info = FileInfo.of(file, image);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info.toJson()));
        } else {
            out.print(info.toText(image.header()));
        }
        out.flush();
        return 0;
    }

    /** The facts printed, gathered once so text and JSON cannot disagree. */
    record FileInfo(Path path, String format, long[] dims, double[] pixdim, String datatype,
                    double sclSlope, double sclInter, int qformCode, int sformCode, double[][] affine,
                    Stats stats) {

        static FileInfo of(Path path, NiftiImage image) {
            NiftiHeader h = image.header();
            int[] spatial = h.spatialDims();
            int n = h.ndim() >= 4 ? 4 : 3;
            long[] dims = new long[n];
            double[] pixdim = new double[n];
            for (int i = 0; i < n; i++) {
                dims[i] = i < 3 ? spatial[i] : h.dim(4);
                pixdim[i] = h.pixdim(i + 1);
            }
            return new FileInfo(path, h.format().label(), dims, pixdim, h.datatypeName(), h.sclSlope(), h.sclInter(),
                h.qformCode(), h.sformCode(), h.affine(), Stats.of(image.data()));
        }

        /** Exactly the keys documented for {@code info --json}; non-finite numbers become null. */
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path.toString());
            m.put("format", format);
            m.put("dims", dims);
            m.put("pixdim", finiteOrNull(pixdim));
            m.put("datatype", datatype);
            m.put("scl_slope", finiteOrNull(sclSlope));
            m.put("scl_inter", finiteOrNull(sclInter));
            m.put("qform_code", qformCode);
            m.put("sform_code", sformCode);
            List<Object> rows = new ArrayList<>();
            for (double[] row : affine) {
                rows.add(finiteOrNull(row));
            }
            m.put("affine", rows);
            m.put("min", stats.count() == 0 ? null : stats.min());
            m.put("max", stats.count() == 0 ? null : stats.max());
            m.put("mean", stats.count() == 0 ? null : stats.mean());
            return m;
        }

        String toText(NiftiHeader h) {
            StringBuilder sb = new StringBuilder();
            line(sb, "file", path.toString());
            line(sb, "format", format + ", " + (h.byteOrder().toString().startsWith("LITTLE") ? "little" : "big")
                + "-endian");
            line(sb, "dims", join(dims, " x ") + (dims.length == 4 ? " (" + dims[3] + " volumes)" : ""));
            SpatialUnit su = SpatialUnit.fromXyztUnitsOrNull(h.xyztUnits());
            TimeUnit tu = TimeUnit.fromXyztUnitsOrNull(h.xyztUnits());
            String units = " " + unitLabel(su == null ? null : su.label(), su == SpatialUnit.UNKNOWN)
                + (dims.length == 4 ? ", time " + unitLabel(tu == null ? null : tu.label(), tu == TimeUnit.UNKNOWN) : "");
            line(sb, "voxel size", join(pixdim, " x ") + units);
            line(sb, "datatype", datatype + " (code " + h.datatypeCode() + ")");
            line(sb, "scaling", h.hasScaling()
                ? "value = " + num(sclSlope) + " * stored + " + num(sclInter)
                : "none (scl_slope " + num(sclSlope) + ")");
            line(sb, "qform_code", qformCode + " (" + xformLabel(qformCode) + ")");
            line(sb, "sform_code", sformCode + " (" + xformLabel(sformCode) + ")");
            line(sb, "affine", "from " + h.affineSource());
            for (double[] row : affine) {
                sb.append(String.format(Locale.ROOT, "  %12.6f %12.6f %12.6f %12.6f%n", row[0], row[1], row[2], row[3]));
            }
            if (!h.descrip().isBlank()) {
                line(sb, "description", h.descrip());
            }
            line(sb, "intensity", stats.count() == 0
                ? "no finite values in volume 0"
                : "min " + num(stats.min()) + ", max " + num(stats.max()) + ", mean " + num(stats.mean())
                    + " (volume 0, after scaling" + (stats.nonFinite() > 0 ? ", " + stats.nonFinite()
                    + " non-finite voxels ignored" : "") + ")");
            for (HeaderIssue issue : h.check()) {
                line(sb, "warning", issue.message());
            }
            return sb.toString();
        }

        private static void line(StringBuilder sb, String key, String value) {
            sb.append(String.format(Locale.ROOT, "%-12s %s%n", key + ":", value));
        }

        private static String unitLabel(String label, boolean unknown) {
            return label == null ? "(unit bits invalid)" : unknown ? "(unit not set)" : label;
        }

        private static String xformLabel(int code) {
            XformCode c = XformCode.fromCodeOrNull(code);
            return c == null ? "not a standard code" : c.label();
        }

        private static String join(long[] v, String sep) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : sep).append(v[i]);
            }
            return sb.toString();
        }

        private static String join(double[] v, String sep) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : sep).append(num(v[i]));
            }
            return sb.toString();
        }

        /** Six significant digits, no trailing zeros, plain notation unless very large or small. */
        private static String num(double v) {
            if (!Double.isFinite(v)) {
                return String.valueOf(v);
            }
            BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
            double a = Math.abs(v);
            return a == 0 || (a >= 1e-4 && a < 1e9) ? b.toPlainString() : b.toString();
        }

        private static Object finiteOrNull(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static Object[] finiteOrNull(double[] v) {
            Object[] o = new Object[v.length];
            for (int i = 0; i < v.length; i++) {
                o[i] = finiteOrNull(v[i]);
            }
            return o;
        }
    }

    /** Min, max and mean of the finite values; NaN and infinities are counted apart. */
    record Stats(double min, double max, double mean, long count, long nonFinite) {

        static Stats of(float[] data) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            long count = 0;
            for (float v : data) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    count++;
                }
            }
            return new Stats(min, max, count == 0 ? Double.NaN : sum / count, count, data.length - count);
        }
    }
}
