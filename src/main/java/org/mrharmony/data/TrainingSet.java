package org.mrharmony.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Every training volume of every site, prepared and held in memory (a 128³ volume is 8 MB; the
 * sampler draws thousands of stacks per minute, so reading files per sample would dominate).
 */
public final class TrainingSet {

    private final List<String> sites;
    private final List<List<PreparedVolume>> bySite;
    private final SlicingConfig slicing;

    public TrainingSet(List<String> sites, List<List<PreparedVolume>> bySite, SlicingConfig slicing) {
        if (sites.size() != bySite.size()) {
            throw new IllegalArgumentException(sites.size() + " sites but " + bySite.size() + " volume lists");
        }
        this.sites = List.copyOf(sites);
        List<List<PreparedVolume>> copy = new ArrayList<>();
        for (List<PreparedVolume> l : bySite) {
            if (l.isEmpty()) {
                throw new IllegalArgumentException("a site has no training volumes");
            }
            copy.add(List.copyOf(l));
        }
        this.bySite = List.copyOf(copy);
        this.slicing = slicing;
    }

    /**
     * Reads and prepares the training split of a dataset, every volume mapped onto {@code standard}
     * first ({@link InputStandard#NONE}: as it is), with a progress bar on stderr.
     */
    public static TrainingSet load(SiteDataset dataset, SlicingConfig slicing, InputStandard standard,
                                   boolean progress) throws IOException {
        int total = dataset.sites().stream().mapToInt(s -> dataset.train().get(s).size()).sum();
        List<List<PreparedVolume>> bySite = new ArrayList<>();
        try (ProgressBar bar = progressBar("Preparing volumes", total, progress)) {
            for (int i = 0; i < dataset.sites().size(); i++) {
                String site = dataset.sites().get(i);
                List<PreparedVolume> volumes = new ArrayList<>();
                for (Path p : dataset.train().get(site)) {
                    volumes.add(VolumePreparer.prepare(p, site, i, slicing, standard));
                    if (bar != null) {
                        bar.step();
                    }
                }
                bySite.add(volumes);
            }
        }
        return new TrainingSet(dataset.sites(), bySite, slicing);
    }

    static ProgressBar progressBar(String task, long total, boolean show) {
        if (!show) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
    }

    public List<String> sites() {
        return sites;
    }

    public int siteCount() {
        return sites.size();
    }

    public List<PreparedVolume> volumes(int site) {
        return bySite.get(site);
    }

    public SlicingConfig slicing() {
        return slicing;
    }

    /** The site's intensity scale: the mean of its volumes' statistics. */
    public IntensityStats siteIntensity(int site) {
        return IntensityStats.average(bySite.get(site).stream().map(PreparedVolume::stats).toList());
    }
}
