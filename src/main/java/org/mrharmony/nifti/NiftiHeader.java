package org.mrharmony.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A NIfTI-1 or NIfTI-2 header, held as its raw bytes plus the layout table that names them
 * (as nibabel holds a header as a structured array). Keeping the bytes means a header read
 * from a file is written back bit for bit: nothing is lost by converting to and from Java
 * fields. Fields are read and written by their standard names ({@code "pixdim"},
 * {@code "srow_x"}, ...); the typed getters below are shortcuts for the ones used often.
 *
 * <p>Setters are package-private: the reader and writer decide what a header holds.
 */
public final class NiftiHeader {

    static final String NIFTI1_SINGLE_MAGIC = "n+1";
    static final String NIFTI1_PAIR_MAGIC = "ni1";
    /** NIfTI-2's magic carries a DOS/Unix line-ending trap after the NUL, as PNG's does. */
    static final String NIFTI2_SINGLE_MAGIC = "n+2\0\r\n\032\n";
    static final String NIFTI2_PAIR_MAGIC = "ni2\0\r\n\032\n";

    private final HeaderLayout layout;
    private final ByteBuffer buf;

    NiftiHeader(HeaderLayout layout, byte[] bytes, ByteOrder order) {
        if (bytes.length != layout.headerSize()) {
            throw new IllegalArgumentException("a " + layout.format().label() + " header has "
                + layout.headerSize() + " bytes, got " + bytes.length);
        }
        this.layout = layout;
        this.buf = ByteBuffer.wrap(bytes).order(order);
    }

    /** An all-zero single-file header of the given format, little endian, with sizeof_hdr, magic and vox_offset set. */
    static NiftiHeader blank(NiftiFormat format) {
        HeaderLayout layout = HeaderLayout.of(format);
        NiftiHeader h = new NiftiHeader(layout, new byte[layout.headerSize()], ByteOrder.LITTLE_ENDIAN);
        h.set("sizeof_hdr", layout.headerSize());
        h.setText("magic", format == NiftiFormat.NIFTI1 ? NIFTI1_SINGLE_MAGIC : NIFTI2_SINGLE_MAGIC);
        h.set("vox_offset", layout.minDataOffset());
        return h;
    }

    /** A NIfTI-1 float32 header for a new 3D volume, with sform and qform both set from the affine. */
    public static NiftiHeader forVolume(int nx, int ny, int nz, double[][] affine) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if (affine.length < 3) {
            throw new IllegalArgumentException("an affine needs at least 3 rows of 4, got " + affine.length);
        }
        for (int r = 0; r < 3; r++) {
            if (affine[r].length < 4) {
                throw new IllegalArgumentException("affine row " + r + " has " + affine[r].length + " elements, needs 4");
            }
            for (int c = 0; c < 4; c++) {
                if (!Double.isFinite(affine[r][c])) {
                    throw new IllegalArgumentException("affine element [" + r + "][" + c + "] is " + affine[r][c]);
                }
            }
        }
        NiftiHeader h = blank(NiftiFormat.NIFTI1);
        h.setShape3d(nx, ny, nz);
        for (int i = 4; i < 8; i++) {
            h.set("dim", i, 1);
        }
        h.setDatatype(NiftiDataType.FLOAT32);
        h.set("scl_slope", 1);
        h.set("scl_inter", 0);
        for (int i = 4; i < 8; i++) {
            h.set("pixdim", i, 1);
        }
        h.setGeometry(affine);
        h.set("xyzt_units", SpatialUnit.MM.code() | TimeUnit.SEC.code());
        return h;
    }

    /** Sets qform (nearest rigid transform plus qfac) and sform (exact rows), both with code "scanner". */
    private void setGeometry(double[][] affine) {
        Qform q = Qform.fromAffine(affine);
        set("pixdim", 0, q.qfac());
        set("pixdim", 1, q.dx());
        set("pixdim", 2, q.dy());
        set("pixdim", 3, q.dz());
        set("quatern_b", q.b());
        set("quatern_c", q.c());
        set("quatern_d", q.d());
        set("qoffset_x", q.qx());
        set("qoffset_y", q.qy());
        set("qoffset_z", q.qz());
        String[] rows = {"srow_x", "srow_y", "srow_z"};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                set(rows[r], c, affine[r][c]);
            }
        }
        set("qform_code", XformCode.SCANNER_ANAT.code());
        set("sform_code", XformCode.SCANNER_ANAT.code());
    }

    // ---- generic field access through the layout table ----

    /** Element {@code index} of a numeric field, whatever its binary type. */
    public double number(String name, int index) {
        HeaderField f = element(name, index);
        int at = f.offset() + index * f.type().bytes();
        return switch (f.type()) {
            case UINT8 -> buf.get(at) & 0xFF;
            case INT16 -> buf.getShort(at);
            case INT32 -> buf.getInt(at);
            case INT64 -> buf.getLong(at);
            case FLOAT32 -> buf.getFloat(at);
            case FLOAT64 -> buf.getDouble(at);
            case CHAR -> throw new IllegalArgumentException("field '" + name + "' is text, not a number");
        };
    }

    public double number(String name) {
        return number(name, 0);
    }

    /** Element {@code index} of an integer field, exactly (int64 dims do not pass through a double). */
    public long integer(String name, int index) {
        HeaderField f = element(name, index);
        int at = f.offset() + index * f.type().bytes();
        return switch (f.type()) {
            case UINT8 -> buf.get(at) & 0xFF;
            case INT16 -> buf.getShort(at);
            case INT32 -> buf.getInt(at);
            case INT64 -> buf.getLong(at);
            default -> throw new IllegalArgumentException("field '" + name + "' is " + f.type() + ", not an integer");
        };
    }

    public long integer(String name) {
        return integer(name, 0);
    }

    /** A text field up to its first NUL. */
    public String text(String name) {
        HeaderField f = layout.field(name);
        if (f.type() != FieldType.CHAR) {
            throw new IllegalArgumentException("field '" + name + "' is a number, not text");
        }
        byte[] raw = new byte[f.count()];
        buf.get(f.offset(), raw);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a field as stored (in {@link #byteOrder()}). */
    byte[] rawBytes(String name) {
        HeaderField f = layout.field(name);
        byte[] raw = new byte[f.size()];
        buf.get(f.offset(), raw);
        return raw;
    }

    /** Whether this format's header has a field of that name (NIfTI-1 and -2 differ slightly). */
    public boolean hasField(String name) {
        return layout.has(name);
    }

    void set(String name, int index, double value) {
        HeaderField f = element(name, index);
        int at = f.offset() + index * f.type().bytes();
        if (!f.type().isFloating() && f.type() != FieldType.CHAR) {
            checkFitsInteger(f, value);
        }
        switch (f.type()) {
            case UINT8 -> buf.put(at, (byte) (long) value);
            case INT16 -> buf.putShort(at, (short) (long) value);
            case INT32 -> buf.putInt(at, (int) (long) value);
            case INT64 -> buf.putLong(at, (long) value);
            case FLOAT32 -> buf.putFloat(at, (float) value);
            case FLOAT64 -> buf.putDouble(at, value);
            case CHAR -> throw new IllegalArgumentException("field '" + name + "' is text, not a number");
        }
    }

    void set(String name, double value) {
        set(name, 0, value);
    }

    void setText(String name, String value) {
        HeaderField f = layout.field(name);
        if (f.type() != FieldType.CHAR) {
            throw new IllegalArgumentException("field '" + name + "' is a number, not text");
        }
        byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length > f.count()) {
            throw new IllegalArgumentException("'" + value + "' is longer than the " + f.count()
                + " bytes of field '" + name + "'");
        }
        byte[] padded = Arrays.copyOf(raw, f.count());
        buf.put(f.offset(), padded);
    }

    private HeaderField element(String name, int index) {
        HeaderField f = layout.field(name);
        if (index < 0 || index >= f.count()) {
            throw new IndexOutOfBoundsException("field '" + name + "' has " + f.count() + " elements, asked for " + index);
        }
        return f;
    }

    private static void checkFitsInteger(HeaderField f, double value) {
        double min;
        double max;
        switch (f.type()) {
            case UINT8 -> {
                min = 0;
                max = 255;
            }
            case INT16 -> {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            }
            case INT32 -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            default -> {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
        }
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException(value + " does not fit the " + f.type() + " field '" + f.name() + "'");
        }
    }

    // ---- the header as a whole ----

    public NiftiFormat format() {
        return layout.format();
    }

    public ByteOrder byteOrder() {
        return buf.order();
    }

    HeaderLayout layout() {
        return layout;
    }

    public NiftiHeader copy() {
        return new NiftiHeader(layout, buf.array().clone(), buf.order());
    }

    /** The same header with its multi-byte fields stored in another byte order (raw bits kept, so values are identical). */
    NiftiHeader withByteOrder(ByteOrder order) {
        if (order.equals(buf.order())) {
            return copy();
        }
        ByteBuffer out = ByteBuffer.allocate(layout.headerSize()).order(order);
        for (HeaderField f : layout.fields()) {
            for (int i = 0; i < f.count(); i++) {
                int at = f.offset() + i * f.type().bytes();
                switch (f.type().bytes()) {
                    case 1 -> out.put(at, buf.get(at));
                    case 2 -> out.putShort(at, buf.getShort(at));
                    case 4 -> out.putInt(at, buf.getInt(at));
                    default -> out.putLong(at, buf.getLong(at));
                }
            }
        }
        return new NiftiHeader(layout, out.array(), order);
    }

    /** The header bytes as stored in a file (sizeof_hdr bytes, in {@link #byteOrder()}). */
    byte[] toBytes() {
        return buf.array().clone();
    }

    /** Everything questionable about this header, errors (cannot be read) and warnings (read with a fallback). */
    public List<HeaderIssue> check() {
        return HeaderChecks.run(this);
    }

    // ---- typed shortcuts ----

    /** dim[0]: how many dimensions the image has. */
    public int ndim() {
        return (int) integer("dim", 0);
    }

    /** dim[i] for i in 0..7. */
    public long dim(int i) {
        return integer("dim", i);
    }

    public double pixdim(int i) {
        return number("pixdim", i);
    }

    /** nx, ny, nz; dimensions a 1D or 2D image lacks count as 1. Valid only for a header that passed {@link #check()}. */
    public int[] spatialDims() {
        int n = ndim();
        int[] d = new int[3];
        for (int i = 0; i < 3; i++) {
            d[i] = i < n ? (int) dim(i + 1) : 1;
        }
        return d;
    }

    /** How many 3D volumes the image holds: dim[4] for a 4D image, else 1. */
    public int volumeCount() {
        return ndim() >= 4 ? (int) dim(4) : 1;
    }

    public long voxelsPerVolume() {
        int[] d = spatialDims();
        return (long) d[0] * d[1] * d[2];
    }

    /** The raw datatype code. */
    public int datatypeCode() {
        return (int) integer("datatype");
    }

    /** The datatype, or null when the code is not one we read (see {@link #check()}). */
    public NiftiDataType datatype() {
        return NiftiDataType.fromCodeOrNull(datatypeCode());
    }

    public String datatypeName() {
        return DatatypeNames.nameOf(datatypeCode());
    }

    public double sclSlope() {
        return number("scl_slope");
    }

    public double sclInter() {
        return number("scl_inter");
    }

    /** The standard's rule: a zero or non-finite slope means the stored values are used as they are. */
    public boolean hasScaling() {
        double slope = sclSlope();
        return slope != 0 && Double.isFinite(slope);
    }

    /** The intercept to apply when scaling: a non-finite one counts as 0, as nibabel does. */
    double effectiveInter() {
        double inter = sclInter();
        return Double.isFinite(inter) ? inter : 0;
    }

    public int qformCode() {
        return (int) integer("qform_code");
    }

    public int sformCode() {
        return (int) integer("sform_code");
    }

    /** pixdim[0] as the standard reads it: -1 for a negative value, else +1 (0 included). */
    public double qfac() {
        return pixdim(0) < 0 ? -1.0 : 1.0;
    }

    public int xyztUnits() {
        return (int) integer("xyzt_units");
    }

    public double voxOffset() {
        return number("vox_offset");
    }

    public String magic() {
        return text("magic");
    }

    public String descrip() {
        return text("descrip");
    }

    // ---- geometry ----

    /** The affine a reader should use: sform if its code is positive, else qform, else pixdim scaling. 4x4. */
    public double[][] affine() {
        if (sformCode() > 0) {
            return sformAffine();
        }
        if (qformCode() > 0) {
            return qformAffine();
        }
        return pixdimAffine();
    }

    /** Which of the three methods {@link #affine()} uses: "sform", "qform" or "pixdim". */
    public String affineSource() {
        return sformCode() > 0 ? "sform" : qformCode() > 0 ? "qform" : "pixdim";
    }

    /** The sform rows srow_x/y/z, whatever sform_code says. */
    public double[][] sformAffine() {
        String[] rows = {"srow_x", "srow_y", "srow_z"};
        double[][] m = new double[4][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] = number(rows[r], c);
            }
        }
        m[3][3] = 1;
        return m;
    }

    /** The affine from the quaternion, qoffset, pixdim and qfac, whatever qform_code says. */
    public double[][] qformAffine() {
        return qform().toAffine();
    }

    Qform qform() {
        return new Qform(number("quatern_b"), number("quatern_c"), number("quatern_d"),
            number("qoffset_x"), number("qoffset_y"), number("qoffset_z"),
            pixdim(1), pixdim(2), pixdim(3), qfac());
    }

    /** NIfTI "method 1" for files without qform or sform: voxel spacings on the diagonal, no offset. */
    public double[][] pixdimAffine() {
        double[][] m = new double[4][4];
        for (int i = 0; i < 3; i++) {
            m[i][i] = Qform.usableSpacing(pixdim(i + 1));
        }
        m[3][3] = 1;
        return m;
    }

    // ---- what the writer changes ----

    /**
     * Makes the header describe a single 3D volume of nx x ny x nz. dim[0] becomes 3 and the
     * dims that were in use above 3 (the time axis of a 4D file) become 1; unused ones are
     * left alone, so a 3D header keeps its dim field bit for bit.
     */
    void setShape3d(int nx, int ny, int nz) {
        int previousNdim = ndim();
        set("dim", 0, 3);
        set("dim", 1, nx);
        set("dim", 2, ny);
        set("dim", 3, nz);
        for (int i = 4; i < 8; i++) {
            if (i <= previousNdim) {
                set("dim", i, 1);
            }
        }
    }

    void setDatatype(NiftiDataType type) {
        set("datatype", type.code());
        set("bitpix", 8 * type.bytes());
    }

    @Override
    public String toString() {
        return "NiftiHeader[" + format().label() + ", dim " + Arrays.toString(dimArray()) + ", "
            + datatypeName() + ", affine from " + affineSource() + "]";
    }

    private long[] dimArray() {
        long[] d = new long[8];
        for (int i = 0; i < 8; i++) {
            d[i] = dim(i);
        }
        return d;
    }
}
