package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderChecksTest {

    private static NiftiHeader valid() {
        return NiftiHeader.forVolume(2, 2, 2, new double[][] {{2, 0, 0, 1}, {0, 2, 0, 2}, {0, 0, 2, 3}});
    }

    private static List<String> warnings(NiftiHeader h) {
        return h.check().stream().peek(i -> assertThat(i.isError()).isFalse()).map(HeaderIssue::message).toList();
    }

    @Test
    void aFreshHeaderHasNoIssues() {
        assertThat(valid().check()).isEmpty();
    }

    @Test
    void bitpixDisagreeingWithDatatypeIsAWarning() {
        NiftiHeader h = valid();
        h.set("bitpix", 16);
        assertThat(warnings(h)).singleElement().asString().contains("bitpix is 16 but float32 has 32 bits");
    }

    @Test
    void qfacOtherThanPlusOrMinusOneIsAWarningWhenTheQformIsUsed() {
        NiftiHeader h = valid();
        h.set("pixdim", 0, 0);
        assertThat(warnings(h)).as("sform in use: qfac irrelevant").isEmpty();
        h.set("sform_code", 0);
        assertThat(warnings(h)).singleElement().asString().contains("qfac").contains("taken as 1");
        assertThat(h.qfac()).isEqualTo(1.0);
    }

    @Test
    void undefinedTransformCodesAndUnitsAreWarnings() {
        NiftiHeader h = valid();
        h.set("sform_code", 9);
        h.set("xyzt_units", 7);
        assertThat(warnings(h)).hasSize(2)
            .anySatisfy(m -> assertThat(m).contains("sform_code 9 is not a code the standard defines"))
            .anySatisfy(m -> assertThat(m).contains("xyzt_units 7"));
    }

    @Test
    void nonPositiveSpacingIsAWarningAndCountsAsOne() {
        NiftiHeader h = valid();
        h.set("sform_code", 0);
        h.set("qform_code", 0);
        h.set("pixdim", 2, 0);
        assertThat(warnings(h)).singleElement().asString().contains("pixdim[2] is 0.0");
        assertThat(h.affine()[1][1]).isEqualTo(1.0);
    }

    @Test
    void checksStopAtTheFirstError() {
        NiftiHeader h = valid();
        h.set("dim", 0, 0);
        h.set("datatype", 32);
        List<HeaderIssue> issues = h.check();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.isError()).isTrue();
            assertThat(i.field()).isEqualTo("dim");
        });
    }
}
