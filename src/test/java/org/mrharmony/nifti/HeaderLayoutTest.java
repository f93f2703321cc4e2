package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderLayoutTest {

    /** Offsets as printed in the comments of nifti1.h (NIfTI-1) and nifti2.h (NIfTI-2). */
    @ParameterizedTest
    @CsvSource({
        "NIFTI1, dim, 40", "NIFTI1, datatype, 70", "NIFTI1, pixdim, 76", "NIFTI1, vox_offset, 108",
        "NIFTI1, scl_slope, 112", "NIFTI1, xyzt_units, 123", "NIFTI1, descrip, 148", "NIFTI1, qform_code, 252",
        "NIFTI1, quatern_b, 256", "NIFTI1, srow_x, 280", "NIFTI1, srow_z, 312", "NIFTI1, magic, 344",
        "NIFTI2, magic, 4", "NIFTI2, datatype, 12", "NIFTI2, dim, 16", "NIFTI2, pixdim, 104",
        "NIFTI2, vox_offset, 168", "NIFTI2, scl_slope, 176", "NIFTI2, qform_code, 344", "NIFTI2, quatern_b, 352",
        "NIFTI2, srow_x, 400", "NIFTI2, xyzt_units, 500", "NIFTI2, dim_info, 524"})
    void fieldOffsetsMatchTheStandard(NiftiFormat format, String field, int offset) {
        assertThat(HeaderLayout.of(format).field(field).offset()).isEqualTo(offset);
    }

    @Test
    void layoutsCoverTheWholeHeader() {
        for (HeaderLayout layout : new HeaderLayout[] {HeaderLayout.NIFTI1, HeaderLayout.NIFTI2}) {
            int total = layout.fields().stream().mapToInt(HeaderField::size).sum();
            assertThat(total).isEqualTo(layout.headerSize());
        }
        assertThat(HeaderLayout.NIFTI1.headerSize()).isEqualTo(348);
        assertThat(HeaderLayout.NIFTI2.headerSize()).isEqualTo(540);
    }

    @Test
    void unknownFieldsAndWrongTypesFailWithPreciseMessages() {
        NiftiHeader h = NiftiHeader.forVolume(1, 1, 1, new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
        assertThatThrownBy(() -> h.number("no_such")).hasMessageContaining("no field 'no_such' in a nifti1 header");
        assertThatThrownBy(() -> h.number("magic")).hasMessageContaining("is text");
        assertThatThrownBy(() -> h.integer("pixdim", 1)).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> h.number("dim", 8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.set("datatype", 70000)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> h.set("dim", 1, 2.5)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> h.setText("magic", "toolong")).hasMessageContaining("longer than the 4 bytes");
    }

    @Test
    void byteOrderConversionKeepsEveryValue() {
        NiftiHeader le = NiftiHeader.forVolume(3, 4, 5, new double[][] {
            {0.9, 0.1, 0, -80.3}, {-0.1, 0.95, 0.2, -110.5}, {0, -0.2, 1.1, -60.25}});
        NiftiHeader be = le.withByteOrder(java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(be.toBytes()).isNotEqualTo(le.toBytes());
        for (HeaderField f : le.layout().fields()) {
            for (int i = 0; i < f.count(); i++) {
                if (f.type() == FieldType.CHAR) {
                    assertThat(be.text(f.name())).isEqualTo(le.text(f.name()));
                } else {
                    assertThat(be.number(f.name(), i)).as(f.name()).isEqualTo(le.number(f.name(), i));
                }
            }
        }
    }
}
