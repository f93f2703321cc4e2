package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.eval.CorticalThickness;
import org.mrharmony.eval.TissueLabel;

class SubjectTest {

    private static final Anatomy BASE = BrainPhantom.build(64, 4);

    @Test
    void subjectZeroIsTheBaseAnatomyUntouched() {
        Subject s = Subject.create(BASE, 9, 0, "sub-01", "train");
        assertThat(s.anatomy()).isSameAs(BASE);
        assertThat(s.parameters().deformationRmsMm()).isZero();
        assertThat(s.parameters().thinnedVoxels()).isZero();
    }

    @Test
    void deformationMovesTissueByAFewMmButKeepsItsVolume() {
        // RMS 1.5 mm: the middle of the range subjects draw from.
        Subject s = Subject.create(BASE, "sub-02", "train", 77, 1.5, 0);
        int[] before = BrainPhantomTest.labelCounts(BASE.labels());
        int[] after = BrainPhantomTest.labelCounts(s.anatomy().labels());
        for (int label = TissueLabel.CSF; label <= TissueLabel.WM; label++) {
            assertThat((double) after[label]).as(TissueLabel.name(label))
                .isCloseTo(before[label], Offset.offset(0.05 * before[label]));
        }
        int changed = 0;
        for (int i = 0; i < BASE.labels().size(); i++) {
            changed += BASE.labels().data()[i] != s.anatomy().labels().data()[i] ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(1000);
        assertThat(s.parameters().maxDisplacementMm()).isBetween(1.5, 12.0);
    }

    @Test
    void thinningTurnsTheRequestedFractionOfPialGreyMatterIntoCsfAndThinsTheCortex() {
        Subject intact = Subject.create(BASE, "sub-02", "train", 5, 2.0, 0);
        Subject thinned = Subject.create(BASE, "sub-02", "train", 5, 2.0, 0.5);
        int[] a = BrainPhantomTest.labelCounts(intact.anatomy().labels());
        int[] b = BrainPhantomTest.labelCounts(thinned.anatomy().labels());
        int moved = thinned.parameters().thinnedVoxels();
        assertThat(moved).isPositive();
        assertThat(b[TissueLabel.GM]).isEqualTo(a[TissueLabel.GM] - moved);
        assertThat(b[TissueLabel.CSF]).isEqualTo(a[TissueLabel.CSF] + moved);
        assertThat(b[TissueLabel.WM]).isEqualTo(a[TissueLabel.WM]);
        CorticalThickness thickness = new CorticalThickness();
        assertThat(thickness.measure(thinned.anatomy().labels()).voxelMeanMm())
            .isLessThan(thickness.measure(intact.anatomy().labels()).voxelMeanMm());
    }

    @Test
    void sameSeedGivesIdenticalSubjects() {
        Subject a = Subject.create(BASE, 42, 3, "sub-04", "test");
        Subject b = Subject.create(BASE, 42, 3, "sub-04", "test");
        Subject c = Subject.create(BASE, 43, 3, "sub-04", "test");
        assertThat(a.parameters()).isEqualTo(b.parameters());
        assertThat(a.anatomy().labels().data()).isEqualTo(b.anatomy().labels().data());
        assertThat(a.anatomy().texture().data()).isEqualTo(b.anatomy().texture().data());
        assertThat(c.anatomy().labels().data()).isNotEqualTo(a.anatomy().labels().data());
    }
}
