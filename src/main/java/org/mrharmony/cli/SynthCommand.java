package org.mrharmony.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.synth.BidsCohortLayout;
import org.mrharmony.synth.CohortGenerator;
import org.mrharmony.synth.CohortLayout;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.synth.CohortSpec;
import org.mrharmony.synth.SiteConfig;
import org.mrharmony.synth.SiteFolderLayout;
import org.mrharmony.synth.SiteParameters;
import org.mrharmony.synth.SubjectParameters;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mrharmony synth}: a synthetic travelling-subject cohort, every subject scanned at every site. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Make a synthetic travelling-subject cohort: every subject scanned at every site.",
        "Writes DIR/<site>/<subject>.nii.gz (int16), DIR/truth/<subject>_labels.nii.gz"
            + " (0 bg, 1 CSF, 2 GM, 3 WM) and DIR/cohort.json. Same seed, same bytes.",
        "With --bids, DIR is a BIDS dataset instead: sub-XX/ses-<site>/anat/sub-XX_ses-<site>_T1w.nii.gz,"
            + " participants.tsv (split), sub-XX_sessions.tsv (site), truth in derivatives/mrharmony-truth/."
    })
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the cohort.")
    Path out;

    @Option(names = "--subjects", paramLabel = "N", defaultValue = "8",
        description = "Number of subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    /** Either a number of built-in sites or a configuration file. */
    static final class SiteChoice {
        @Option(names = "--sites", paramLabel = "K", description = "Use the first K built-in sites (default: 4).")
        Integer count;

        @Option(names = "--sites-config", paramLabel = "FILE",
            description = "JSON array of site parameters (or an object with \"sites\"), e.g. a cohort.json.")
        Path config;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SiteChoice siteChoice;

    @Option(names = "--size", paramLabel = "N", defaultValue = "128",
        description = "Grid of N^3 voxels (default: ${DEFAULT-VALUE}; the phantom has 192 mm / N voxels).")
    int size;

    @Option(names = "--template", paramLabel = "FILE",
        description = "Take the anatomy from this T1 instead of the phantom,"
            + " e.g. /usr/share/mricron/templates/ch2.nii.gz (Colin27).")
    Path template;

    @Option(names = "--template-mask", paramLabel = "FILE",
        description = "Brain mask or brain-extracted image for the template, e.g. ch2bet.nii.gz"
            + " (default: a morphological skull strip of the template).")
    Path templateMask;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.25",
        description = "Fraction of subjects held out for testing (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--force", description = "Overwrite a cohort already in DIR.")
    boolean force;

    @Option(names = "--bids", description = "Write the cohort as a BIDS dataset (sessions = sites) instead of site"
        + " folders: for 'train --site-column site' and 'bids'.")
    boolean bids;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<SiteParameters> sites = sites();
        CohortSpec cohort = new CohortSpec(subjects, sites, size, template, templateMask, seed, testFraction,
            threads != null ? threads : Runtime.getRuntime().availableProcessors());
        CohortLayout layout = bids ? new BidsCohortLayout(sites, VersionProvider.version()) : new SiteFolderLayout();
        checkOutput();
        long start = System.nanoTime();
        CohortManifest manifest;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("synth")
                .setInitialMax(CohortGenerator.volumeCount(cohort))
                .setStyle(ProgressBarStyle.ASCII).setUnit(" volumes", 1)
                // The current stderr, so that whoever redirects it (a test, a wrapper) gets the bar too.
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            manifest = CohortGenerator.generate(cohort, out, layout, bar::step);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %d subjects x %d sites (%d train, %d test) to %s%s in %.1f s%n",
            manifest.subjects().size(), manifest.sites().size(),
            manifest.subjectIds(SubjectParameters.TRAIN).size(), manifest.subjectIds(SubjectParameters.TEST).size(),
            out, bids ? " (BIDS)" : "", (System.nanoTime() - start) / 1e9);
        w.flush();
        return 0;
    }

    private List<SiteParameters> sites() throws IOException {
        if (siteChoice != null && siteChoice.config != null) {
            return SiteConfig.read(siteChoice.config);
        }
        return SiteParameters.defaults(siteChoice != null && siteChoice.count != null ? siteChoice.count : 4);
    }

    /** Refuses to mix a new cohort into an old one unless --force; never writes over an input file. */
    private void checkOutput() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": exists and is not a folder");
        }
        // Either layout's marker: a cohort is never mixed into another cohort or dataset.
        for (Path marker : List.of(out.resolve(CohortManifest.FILE_NAME), out.resolve(BidsDataset.DESCRIPTION_FILE))) {
            if (!force && Files.exists(marker)) {
                throw new UserError(out + ": already holds a cohort (" + marker.getFileName()
                    + "); use --force to overwrite it");
            }
        }
        Path outAbs = out.toAbsolutePath().normalize();
        for (Path input : new Path[] {template, templateMask, siteChoice == null ? null : siteChoice.config}) {
            if (input != null && input.toAbsolutePath().normalize().startsWith(outAbs)) {
                throw new UserError(input + ": an input lies inside the output folder " + out
                    + "; choose another --out");
            }
        }
    }
}
