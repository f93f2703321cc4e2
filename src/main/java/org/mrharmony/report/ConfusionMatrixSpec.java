package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix of a site classifier: {@code counts[t][p]} images of true site {@code t}
 * predicted as site {@code p}. After harmonization to one site a good method drives the
 * classifier towards chance (1 / number of sites).
 */
public record ConfusionMatrixSpec(String title, List<String> labels, long[][] counts) {

    public ConfusionMatrixSpec {
        Objects.requireNonNull(title, "title");
        labels = List.copyOf(labels);
        int k = labels.size();
        if (k == 0) {
            throw new IllegalArgumentException("confusion matrix '" + title + "' has no labels");
        }
        if (counts.length != k) {
            throw new IllegalArgumentException("confusion matrix '" + title + "': " + k + " labels but "
                + counts.length + " rows");
        }
        long[][] copy = new long[k][];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("confusion matrix '" + title + "': row " + t + " has "
                    + counts[t].length + " columns, expected " + k);
            }
            for (long c : counts[t]) {
                if (c < 0) {
                    throw new IllegalArgumentException("confusion matrix '" + title + "' has a negative count: " + c);
                }
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    long count(int trueIndex, int predictedIndex) {
        return counts[trueIndex][predictedIndex];
    }

    long rowTotal(int trueIndex) {
        long total = 0;
        for (long c : counts[trueIndex]) {
            total += c;
        }
        return total;
    }

    /** Fraction of the true class {@code t} predicted as {@code p}; 0 for an empty row. */
    double rowFraction(int trueIndex, int predictedIndex) {
        long total = rowTotal(trueIndex);
        return total == 0 ? 0 : (double) counts[trueIndex][predictedIndex] / total;
    }

    /** Overall accuracy (trace / total); NaN for an empty matrix. */
    double accuracy() {
        long correct = 0;
        long total = 0;
        for (int t = 0; t < counts.length; t++) {
            correct += counts[t][t];
            total += rowTotal(t);
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
