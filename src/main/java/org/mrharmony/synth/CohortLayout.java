package org.mrharmony.synth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the files of a cohort go under its folder: the site folders that {@code train} and the
 * evaluation commands read ({@link SiteFolderLayout}), or a BIDS dataset ({@link BidsCohortLayout}).
 */
public interface CohortLayout {

    /** The scan of {@code subject} (e.g. {@code sub-03}) at {@code site}. */
    Path scan(Path out, SiteParameters site, String subject);

    /** The subject's true tissue labels. */
    Path labels(Path out, String subject);

    /**
     * Writes what describes the cohort, once every volume is on disk; the file whose presence
     * means a complete cohort ({@code cohort.json}, {@code dataset_description.json}) comes last.
     */
    void finish(Path out, CohortManifest manifest) throws IOException;
}
