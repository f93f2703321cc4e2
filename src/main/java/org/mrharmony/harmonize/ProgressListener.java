package org.mrharmony.harmonize;

/** What a batch run reports as it goes; the command line shows it as a progress bar. */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener SILENT = new ProgressListener() {
    };

    /**
     * @param number 1-based position of the job in the run
     * @param slices slices the volume will be translated in
     */
    default void volumeStarted(int number, int total, HarmonizeJob job, int slices) {
    }

    default void slicesDone(int count) {
    }

    default void volumeFinished(HarmonizeJob job, double seconds) {
    }
}
