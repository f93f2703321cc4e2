package org.mrharmony.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsScan;
import org.mrharmony.data.SiteDataset;

/**
 * What {@code train --data} names: site folders or a synth cohort (whose layout names the sites),
 * or a BIDS dataset, whose sites come from a column of its tables ({@code --site-column}).
 */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * @param siteColumn the BIDS table column that names each scan's site; null for other layouts
     * @param selection  which images of a BIDS dataset to use (the filters of {@code mrharmony bids})
     */
    static SiteDataset open(Path data, String siteColumn, BidsSelection selection) throws IOException {
        if (!BidsDataset.isDataset(data)) {
            if (siteColumn != null) {
                throw new UserError(data + ": --site-column is for BIDS datasets and this folder has no "
                    + BidsDataset.DESCRIPTION_FILE + " (site folders and synth cohorts name their sites themselves)");
            }
            if (selection.isSet()) {
                throw new UserError(data + ": --participant-label, --session-label and --suffix are for BIDS datasets"
                    + " and this folder has no " + BidsDataset.DESCRIPTION_FILE);
            }
            return SiteDataset.open(data);
        }
        if (siteColumn == null) {
            throw new UserError(data + ": is a BIDS dataset; give --site-column COLUMN, the column of "
                + BidsDataset.PARTICIPANTS_FILE + " or sub-<label>_sessions.tsv that names each scan's site");
        }
        BidsDataset bids = BidsDataset.open(data);
        List<BidsScan> scans = selection.scans(bids);
        Map<String, List<Path>> bySite = bids.bySite(siteColumn, scans);
        if (bySite.size() < 2) {
            throw new UserError(data + ": column '" + siteColumn + "' names " + bySite.size() + " site "
                + bySite.keySet() + " for the " + scans.size() + " chosen " + selection.suffix
                + " images; training needs at least 2 sites");
        }
        return SiteDataset.of(data, bySite);
    }
}
