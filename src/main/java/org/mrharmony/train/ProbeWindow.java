package org.mrharmony.train;

/**
 * One reporting window of a {@link DiscriminatorProbe} run: mean losses of its steps and the
 * decisions D made in them.
 *
 * @param step           the last step of the window (1-based)
 * @param steps          steps in the window
 * @param dReal          mean adversarial loss on real inputs
 * @param dFake          mean adversarial loss on fake inputs
 * @param dReg           mean R1 penalty (unweighted)
 * @param decisions      D's decisions on samples whose target site differs from their source site
 * @param skippedUpdates updates skipped for non-finite gradients (see {@link Adam#step(java.util.List)})
 */
public record ProbeWindow(long step, int steps, double dReal, double dFake, double dReg, DecisionCount decisions,
                          int skippedUpdates) {

    public double accuracy() {
        return decisions.accuracy();
    }
}
