package org.mrharmony.nifti;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte layout of a NIfTI header as a table of fields, one per format, transcribed from
 * nifti1.h and nifti2.h. Everything that reads or writes header bytes goes through these
 * tables, so no offset appears anywhere else. The tables check themselves when loaded: the
 * fields must tile the header exactly, with no gap and no overlap.
 */
final class HeaderLayout {

    static final HeaderLayout NIFTI1 = new HeaderLayout(NiftiFormat.NIFTI1, 348, 352, List.of(
        f("sizeof_hdr", FieldType.INT32, 1, 0),
        f("data_type", FieldType.CHAR, 10, 4),
        f("db_name", FieldType.CHAR, 18, 14),
        f("extents", FieldType.INT32, 1, 32),
        f("session_error", FieldType.INT16, 1, 36),
        f("regular", FieldType.CHAR, 1, 38),
        f("dim_info", FieldType.UINT8, 1, 39),
        f("dim", FieldType.INT16, 8, 40),
        f("intent_p1", FieldType.FLOAT32, 1, 56),
        f("intent_p2", FieldType.FLOAT32, 1, 60),
        f("intent_p3", FieldType.FLOAT32, 1, 64),
        f("intent_code", FieldType.INT16, 1, 68),
        f("datatype", FieldType.INT16, 1, 70),
        f("bitpix", FieldType.INT16, 1, 72),
        f("slice_start", FieldType.INT16, 1, 74),
        f("pixdim", FieldType.FLOAT32, 8, 76),
        f("vox_offset", FieldType.FLOAT32, 1, 108),
        f("scl_slope", FieldType.FLOAT32, 1, 112),
        f("scl_inter", FieldType.FLOAT32, 1, 116),
        f("slice_end", FieldType.INT16, 1, 120),
        f("slice_code", FieldType.UINT8, 1, 122),
        f("xyzt_units", FieldType.UINT8, 1, 123),
        f("cal_max", FieldType.FLOAT32, 1, 124),
        f("cal_min", FieldType.FLOAT32, 1, 128),
        f("slice_duration", FieldType.FLOAT32, 1, 132),
        f("toffset", FieldType.FLOAT32, 1, 136),
        f("glmax", FieldType.INT32, 1, 140),
        f("glmin", FieldType.INT32, 1, 144),
        f("descrip", FieldType.CHAR, 80, 148),
        f("aux_file", FieldType.CHAR, 24, 228),
        f("qform_code", FieldType.INT16, 1, 252),
        f("sform_code", FieldType.INT16, 1, 254),
        f("quatern_b", FieldType.FLOAT32, 1, 256),
        f("quatern_c", FieldType.FLOAT32, 1, 260),
        f("quatern_d", FieldType.FLOAT32, 1, 264),
        f("qoffset_x", FieldType.FLOAT32, 1, 268),
        f("qoffset_y", FieldType.FLOAT32, 1, 272),
        f("qoffset_z", FieldType.FLOAT32, 1, 276),
        f("srow_x", FieldType.FLOAT32, 4, 280),
        f("srow_y", FieldType.FLOAT32, 4, 296),
        f("srow_z", FieldType.FLOAT32, 4, 312),
        f("intent_name", FieldType.CHAR, 16, 328),
        f("magic", FieldType.CHAR, 4, 344)));

    static final HeaderLayout NIFTI2 = new HeaderLayout(NiftiFormat.NIFTI2, 540, 544, List.of(
        f("sizeof_hdr", FieldType.INT32, 1, 0),
        f("magic", FieldType.CHAR, 8, 4),
        f("datatype", FieldType.INT16, 1, 12),
        f("bitpix", FieldType.INT16, 1, 14),
        f("dim", FieldType.INT64, 8, 16),
        f("intent_p1", FieldType.FLOAT64, 1, 80),
        f("intent_p2", FieldType.FLOAT64, 1, 88),
        f("intent_p3", FieldType.FLOAT64, 1, 96),
        f("pixdim", FieldType.FLOAT64, 8, 104),
        f("vox_offset", FieldType.INT64, 1, 168),
        f("scl_slope", FieldType.FLOAT64, 1, 176),
        f("scl_inter", FieldType.FLOAT64, 1, 184),
        f("cal_max", FieldType.FLOAT64, 1, 192),
        f("cal_min", FieldType.FLOAT64, 1, 200),
        f("slice_duration", FieldType.FLOAT64, 1, 208),
        f("toffset", FieldType.FLOAT64, 1, 216),
        f("slice_start", FieldType.INT64, 1, 224),
        f("slice_end", FieldType.INT64, 1, 232),
        f("descrip", FieldType.CHAR, 80, 240),
        f("aux_file", FieldType.CHAR, 24, 320),
        f("qform_code", FieldType.INT32, 1, 344),
        f("sform_code", FieldType.INT32, 1, 348),
        f("quatern_b", FieldType.FLOAT64, 1, 352),
        f("quatern_c", FieldType.FLOAT64, 1, 360),
        f("quatern_d", FieldType.FLOAT64, 1, 368),
        f("qoffset_x", FieldType.FLOAT64, 1, 376),
        f("qoffset_y", FieldType.FLOAT64, 1, 384),
        f("qoffset_z", FieldType.FLOAT64, 1, 392),
        f("srow_x", FieldType.FLOAT64, 4, 400),
        f("srow_y", FieldType.FLOAT64, 4, 432),
        f("srow_z", FieldType.FLOAT64, 4, 464),
        f("slice_code", FieldType.INT32, 1, 496),
        f("xyzt_units", FieldType.INT32, 1, 500),
        f("intent_code", FieldType.INT32, 1, 504),
        f("intent_name", FieldType.CHAR, 16, 508),
        f("dim_info", FieldType.UINT8, 1, 524),
        f("unused_str", FieldType.CHAR, 15, 525)));

    private final NiftiFormat format;
    private final int headerSize;
    private final int minDataOffset;
    private final List<HeaderField> fields;
    private final Map<String, HeaderField> byName = new LinkedHashMap<>();

    private HeaderLayout(NiftiFormat format, int headerSize, int minDataOffset, List<HeaderField> fields) {
        this.format = format;
        this.headerSize = headerSize;
        this.minDataOffset = minDataOffset;
        this.fields = fields;
        int expectedOffset = 0;
        for (HeaderField field : fields) {
            if (field.offset() != expectedOffset) {
                throw new IllegalStateException(format + " layout: field " + field.name() + " at offset "
                    + field.offset() + ", expected " + expectedOffset);
            }
            expectedOffset = field.end();
            byName.put(field.name(), field);
        }
        if (expectedOffset != headerSize) {
            throw new IllegalStateException(format + " layout ends at " + expectedOffset + ", not " + headerSize);
        }
    }

    private static HeaderField f(String name, FieldType type, int count, int offset) {
        return new HeaderField(name, type, count, offset);
    }

    static HeaderLayout of(NiftiFormat format) {
        return format == NiftiFormat.NIFTI1 ? NIFTI1 : NIFTI2;
    }

    NiftiFormat format() {
        return format;
    }

    /** sizeof_hdr: 348 or 540. */
    int headerSize() {
        return headerSize;
    }

    /** The header plus the 4-byte extension flag: the smallest vox_offset of a single-file image. */
    int minDataOffset() {
        return minDataOffset;
    }

    List<HeaderField> fields() {
        return fields;
    }

    HeaderField field(String name) {
        HeaderField field = byName.get(name);
        if (field == null) {
            throw new IllegalArgumentException("no field '" + name + "' in a " + format.label() + " header");
        }
        return field;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }
}
