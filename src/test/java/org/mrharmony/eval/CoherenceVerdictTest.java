package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TC-loss verdict of the report, against paired differences worked out by hand. */
class CoherenceVerdictTest {

    private static EvaluationRow row(String method, String subject, String site, double coherence) {
        double n = Double.NaN;
        return new EvaluationRow(method, subject, site, n, n, n, n, n, n, n, n, n, n, n, coherence, "siteA", n, n, n,
            n, n, n, Map.of(), Map.of());
    }

    @Test
    void pairsScansBySubjectAndSiteAndComparesTheMeanGainWithItsStandardError() {
        // |c - 1| with / without: (0.10, 0.12), (0.50, 0.53), (0.05, 0.06): gains 0.02, 0.03, 0.01;
        // mean 0.02, sample sd 0.01, s.e. 0.01/sqrt(3) = 0.005774 -> mean > 2 s.e.: closer
        List<EvaluationRow> rows = new ArrayList<>(List.of(
            row("gan", "s1", "siteB", 0.90), row("gan", "s1", "siteC", 0.50), row("gan", "s2", "siteB", 1.05),
            // listed in another order, and a row of a third method that must not be paired
            row("gan_notc", "s2", "siteB", 1.06), row("gan_notc", "s1", "siteC", 0.47),
            row("gan_notc", "s1", "siteB", 0.88), row("nyul", "s1", "siteB", 1.00)));
        String text = EvaluationReport.pairedVerdict(rows, "gan", "gan_notc");
        assertThat(text).isEqualTo("Paired over 3 scans, |coherence - 1| is 0.0200 ± 0.0058 (mean ± s.e.) smaller "
            + "with the TC loss, closer in 3 of 3: the TC loss brings the stacks closer to a real scan's through-plane "
            + "smoothness.");
    }

    @Test
    void aMixedResultWithinTwiceTheStandardErrorIsNoClearDifference() {
        // gains +0.02, -0.01: mean 0.005, sd 0.021213, s.e. 0.015 -> within 2 s.e.
        List<EvaluationRow> rows = List.of(row("gan", "s1", "siteB", 0.90), row("gan_notc", "s1", "siteB", 0.88),
            row("gan", "s2", "siteB", 0.95), row("gan_notc", "s2", "siteB", 0.96));
        assertThat(EvaluationReport.pairedVerdict(rows, "gan", "gan_notc")).isEqualTo("Paired over 2 scans, "
            + "|coherence - 1| is 0.0050 ± 0.0150 (mean ± s.e.) smaller with the TC loss, closer in 1 of 2: no clear "
            + "difference (within twice the standard error).");
        assertThat(EvaluationReport.pairedVerdict(rows.subList(0, 2), "gan", "gan_notc"))
            .isEqualTo("Too few paired scans to compare.");
    }
}
