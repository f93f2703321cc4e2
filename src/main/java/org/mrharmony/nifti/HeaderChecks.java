package org.mrharmony.nifti;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validity rules for a NIfTI header, each a small function about one field, run in
 * order. Later rules may assume what earlier ones established (a datatype check can rely
 * on sane dims), so {@link #run} stops at the first error.
 */
final class HeaderChecks {

    /** The largest array the JVM will allocate (a few header words below Integer.MAX_VALUE). */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final String NIFTI2_MAGIC_TAIL = "\r\n\032\n";

    static final List<HeaderCheck> ALL = List.of(
        HeaderChecks::sizeofHdr,
        HeaderChecks::magic,
        HeaderChecks::dimCount,
        HeaderChecks::noFifthDimension,
        HeaderChecks::dimsPositive,
        HeaderChecks::volumeFitsArray,
        HeaderChecks::datatype,
        HeaderChecks::bitpix,
        HeaderChecks::voxOffset,
        HeaderChecks::sclInter,
        HeaderChecks::qformCode,
        HeaderChecks::sformCode,
        HeaderChecks::qfac,
        HeaderChecks::spacings,
        HeaderChecks::quaternion,
        HeaderChecks::units);

    private HeaderChecks() {
    }

    static List<HeaderIssue> run(NiftiHeader h) {
        List<HeaderIssue> issues = new ArrayList<>();
        for (HeaderCheck check : ALL) {
            Optional<HeaderIssue> issue = check.check(h);
            if (issue.isPresent()) {
                issues.add(issue.get());
                if (issue.get().isError()) {
                    break;
                }
            }
        }
        return issues;
    }

    static Optional<HeaderIssue> sizeofHdr(NiftiHeader h) {
        long size = h.integer("sizeof_hdr");
        int expected = h.layout().headerSize();
        return size == expected ? Optional.empty()
            : error("sizeof_hdr", "sizeof_hdr is " + size + ", expected " + expected);
    }

    static Optional<HeaderIssue> magic(NiftiHeader h) {
        String magic = h.magic();
        boolean nifti1 = h.format() == NiftiFormat.NIFTI1;
        String single = nifti1 ? "n+1" : "n+2";
        String pair = nifti1 ? "ni1" : "ni2";
        if (!magic.equals(single) && !magic.equals(pair)) {
            return error("magic", "wrong magic '" + printable(magic) + "' (expected '" + single + "' or '" + pair
                + "'; an Analyze 7.5 file is not NIfTI)");
        }
        if (!nifti1) {
            String tail = rawMagic(h).substring(4);
            if (!tail.equals(NIFTI2_MAGIC_TAIL)) {
                return warning("magic", "NIfTI-2 magic has damaged line-ending bytes (file sent through a text-mode copy?)");
            }
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> dimCount(NiftiHeader h) {
        long n = h.dim(0);
        return n >= 1 && n <= 7 ? Optional.empty()
            : error("dim", "dim[0] is " + n + "; it must be 1 to 7");
    }

    /** 5D and up (vectors, tensors) are not volumes we can use; trailing dims of 1 are harmless. */
    static Optional<HeaderIssue> noFifthDimension(NiftiHeader h) {
        for (int i = 5; i <= h.dim(0); i++) {
            if (h.dim(i) != 1) {
                return error("dim", h.dim(0) + "D image (dim[" + i + "] is " + h.dim(i)
                    + "); only 3D and 4D images are supported");
            }
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> dimsPositive(NiftiHeader h) {
        for (int i = 1; i <= Math.min(h.dim(0), 4); i++) {
            long d = h.dim(i);
            if (d < 1) {
                return error("dim", "dim[" + i + "] is " + d + "; every dimension must be at least 1");
            }
            if (d > Integer.MAX_VALUE) {
                return error("dim", "dim[" + i + "] is " + d + ", too large to index");
            }
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> volumeFitsArray(NiftiHeader h) {
        int[] d = h.spatialDims();
        // In double: three int dims can overflow a long, and only the comparison matters here.
        double voxels = (double) d[0] * d[1] * d[2];
        if (voxels > MAX_ARRAY_LENGTH) {
            return error("dim", "a volume of " + d[0] + "x" + d[1] + "x" + d[2] + " = " + String.format("%.0f", voxels)
                + " voxels does not fit in one Java array (max " + MAX_ARRAY_LENGTH + ")");
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> datatype(NiftiHeader h) {
        int code = h.datatypeCode();
        return h.datatype() != null ? Optional.empty()
            : error("datatype", "unsupported datatype " + code + " (" + DatatypeNames.nameOf(code) + ")");
    }

    static Optional<HeaderIssue> bitpix(NiftiHeader h) {
        long bitpix = h.integer("bitpix");
        int expected = 8 * h.datatype().bytes();
        return bitpix == expected ? Optional.empty()
            : warning("bitpix", "bitpix is " + bitpix + " but " + h.datatype().label() + " has " + expected
                + " bits; the datatype is trusted");
    }

    static Optional<HeaderIssue> voxOffset(NiftiHeader h) {
        double offset = h.voxOffset();
        if (!Double.isFinite(offset) || offset < 0 || offset != Math.rint(offset)) {
            return error("vox_offset", "vox_offset is " + offset + "; it must be a whole number of bytes >= 0");
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> sclInter(NiftiHeader h) {
        if (h.hasScaling() && !Double.isFinite(h.sclInter())) {
            return warning("scl_inter", "scl_inter is " + h.sclInter() + "; taken as 0");
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> qformCode(NiftiHeader h) {
        return xformCode(h, "qform_code", h.qformCode());
    }

    static Optional<HeaderIssue> sformCode(NiftiHeader h) {
        return xformCode(h, "sform_code", h.sformCode());
    }

    private static Optional<HeaderIssue> xformCode(NiftiHeader h, String field, int code) {
        return XformCode.fromCodeOrNull(code) != null ? Optional.empty()
            : warning(field, field + " " + code + " is not a code the standard defines"
                + (code > 0 ? "; used as a valid transform" : "; transform ignored"));
    }

    /** Only matters when the qform is the affine in use. */
    static Optional<HeaderIssue> qfac(NiftiHeader h) {
        double q = h.pixdim(0);
        if (h.sformCode() <= 0 && h.qformCode() > 0 && q != 1 && q != -1) {
            return warning("pixdim", "pixdim[0] (qfac) is " + q + ", should be 1 or -1; taken as " + h.qfac());
        }
        return Optional.empty();
    }

    /** Only matters when the affine comes from the qform or from pixdim alone. */
    static Optional<HeaderIssue> spacings(NiftiHeader h) {
        if (h.sformCode() > 0) {
            return Optional.empty();
        }
        for (int i = 1; i <= 3; i++) {
            double s = h.pixdim(i);
            if (!(s > 0) || !Double.isFinite(s)) {
                return warning("pixdim", "pixdim[" + i + "] is " + s + "; voxel spacing taken as 1");
            }
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> quaternion(NiftiHeader h) {
        if (h.sformCode() > 0 || h.qformCode() <= 0) {
            return Optional.empty();
        }
        double b = h.number("quatern_b");
        double c = h.number("quatern_c");
        double d = h.number("quatern_d");
        double norm2 = b * b + c * c + d * d;
        if (!Double.isFinite(norm2) || norm2 > 1 + 1e-6) {
            return warning("quatern_b", "quaternion (b,c,d) has length " + Math.sqrt(norm2) + " > 1; normalised");
        }
        return Optional.empty();
    }

    static Optional<HeaderIssue> units(NiftiHeader h) {
        int units = h.xyztUnits();
        if (SpatialUnit.fromXyztUnitsOrNull(units) == null || TimeUnit.fromXyztUnitsOrNull(units) == null
                || (units & ~(SpatialUnit.MASK | TimeUnit.MASK)) != 0) {
            return warning("xyzt_units", "xyzt_units " + units + " holds undefined unit bits; ignored");
        }
        return Optional.empty();
    }

    private static String rawMagic(NiftiHeader h) {
        // text() stops at the first NUL; the NIfTI-2 tail lies after it.
        return new String(h.rawBytes("magic"), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("\\x%02x", (int) ch));
        }
        return sb.toString();
    }

    private static Optional<HeaderIssue> error(String field, String message) {
        return Optional.of(HeaderIssue.error(field, message));
    }

    private static Optional<HeaderIssue> warning(String field, String message) {
        return Optional.of(HeaderIssue.warning(field, message));
    }
}
