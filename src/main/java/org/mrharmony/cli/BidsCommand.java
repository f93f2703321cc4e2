package org.mrharmony.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsScan;
import org.mrharmony.harmonize.BidsDerivative;
import org.mrharmony.harmonize.HarmonizeJob;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.InputCheck;
import org.mrharmony.harmonize.OutputPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mrharmony bids BIDS_DIR OUTPUT_DIR participant}: the BIDS-App entry point. */
@Command(
    name = "bids",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Harmonize the T1w images of a BIDS dataset (BIDS-Apps convention). Writes",
        "OUTPUT_DIR/sub-XX/[ses-YY/]anat/<entities>_desc-harmonized_T1w.nii.gz,",
        "a JSON sidecar per image and dataset_description.json (a derivative dataset)."
    })
public final class BidsCommand implements Callable<Integer> {

    static final String PARTICIPANT = "participant";

    @Parameters(index = "0", paramLabel = "BIDS_DIR", description = "The BIDS dataset.")
    Path bidsDir;

    @Parameters(index = "1", paramLabel = "OUTPUT_DIR", description = "Where the derivative dataset goes.")
    Path outputDir;

    @Parameters(index = "2", paramLabel = "ANALYSIS_LEVEL", description = "participant (group is not supported).")
    String analysisLevel;

    @Mixin
    HarmonizeCommand.Settings settings;

    @Mixin
    BidsSelection selection;

    @Option(names = "--volume-index", paramLabel = "N", description = "Which volume of 4D images to harmonize (0-based).")
    Integer volumeIndex;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (analysisLevel.equals("group")) {
            throw new UserError("only participant level is supported (harmonization has no group step)");
        }
        if (!analysisLevel.equals(PARTICIPANT)) {
            throw new UserError("unknown analysis level '" + analysisLevel + "'; use participant");
        }
        HarmonizeOptions options = settings.toOptions();
        BidsDataset dataset = BidsDataset.open(bidsDir);
        List<BidsScan> scans = selection.scans(dataset);
        for (BidsScan scan : scans) {
            InputCheck.check(scan.file(), volumeIndex);
        }
        BidsDerivative.checkOutputFolder(outputDir, bidsDir, settings.overwrite);
        List<HarmonizeJob> jobs = BidsDerivative.plan(scans, outputDir, volumeIndex);
        OutputPlan.check(jobs, settings.otherInputs(), settings.overwrite);
        HarmonizeCommand.run(settings, options, jobs, spec,
            () -> BidsDerivative.writeDescription(outputDir, bidsDir, VersionProvider.version()));
        return 0;
    }
}
