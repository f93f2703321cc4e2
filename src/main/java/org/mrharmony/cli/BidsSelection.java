package org.mrharmony.cli;

import java.io.IOException;
import java.util.List;
import org.mrharmony.data.BidsDataset;
import org.mrharmony.data.BidsScan;
import picocli.CommandLine.Option;

/**
 * Which images of a BIDS dataset a command works on: the same filters for {@code bids} (what to
 * harmonize) and {@code train --data BIDS_DIR} (what to learn from).
 */
public final class BidsSelection {

    @Option(names = "--participant-label", arity = "1..*", paramLabel = "LABEL",
        description = "Participants to use (with or without sub-; default: all).")
    List<String> participants = List.of();

    @Option(names = "--session-label", arity = "1..*", paramLabel = "LABEL",
        description = "Sessions to use (with or without ses-; default: all).")
    List<String> sessions = List.of();

    @Option(names = "--suffix", defaultValue = BidsDataset.DEFAULT_SUFFIX, paramLabel = "SUFFIX",
        description = "Suffix of the images to use (default: ${DEFAULT-VALUE}).")
    String suffix;

    /** The chosen images, sorted by path. */
    public List<BidsScan> scans(BidsDataset dataset) throws IOException {
        return dataset.scans(suffix, participants, sessions);
    }

    /** Whether any filter was given (they mean nothing for a dataset that is not BIDS). */
    boolean isSet() {
        return !participants.isEmpty() || !sessions.isEmpty() || !BidsDataset.DEFAULT_SUFFIX.equals(suffix);
    }
}
