package org.mrharmony.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code losses.csv}: one row per logged step with every loss term, images/s and wall time.
 * On resume, rows after the checkpoint's step are dropped so the file describes one run.
 */
public final class LossLog implements AutoCloseable {

    public static final String FILE = "losses.csv";

    private final BufferedWriter out;
    private final List<String> names;

    private LossLog(BufferedWriter out, List<String> names) {
        this.out = out;
        this.names = List.copyOf(names);
    }

    /**
     * The log of the given terms ({@link StepLosses#names}). A resumed log must have these
     * columns: a configuration edited between runs to log other terms is refused rather than
     * appending rows that do not match the header.
     */
    public static LossLog open(Path modelDir, long resumeStep, List<String> names) throws IOException {
        Path file = modelDir.resolve(FILE);
        String header = header(names);
        if (resumeStep > 0 && Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).startsWith("step") && !lines.get(0).equals(header)) {
                throw new IOException(file + ": its columns differ from what this configuration logs (was "
                    + "lambda_cls switched on or off?); move it aside to start a new log");
            }
            for (String line : lines) {
                if (line.startsWith("step") || stepOf(line) <= resumeStep) {
                    kept.add(line);
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
        } else {
            Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
        }
        return new LossLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), names);
    }

    /**
     * Wall-clock seconds of the training invocations that reached {@code upToStep}, from the
     * {@code seconds} column: it restarts at each {@code --resume}, so the file is cut into runs
     * where it goes down and the last value of each run is added up. A resumed run whose first
     * row shows more seconds than the previous run's last row is not noticed (the figure is then
     * a lower bound): the file does not mark resumes otherwise.
     */
    public static double trainingSeconds(Path file, long upToStep) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("step,")) {
            throw new IOException(file + ": not a " + FILE + " (no header)");
        }
        int column = List.of(lines.get(0).split(",")).indexOf("seconds");
        if (column < 0) {
            throw new IOException(file + ": no seconds column");
        }
        double total = 0;
        double previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (stepOf(line) > upToStep) {
                break;
            }
            double seconds = Double.parseDouble(line.split(",")[column]);
            if (seconds < previous) {
                total += previous;
            }
            previous = seconds;
        }
        return total + previous;
    }

    private static long stepOf(String line) {
        try {
            return Long.parseLong(line.substring(0, line.indexOf(',')));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    static String header(List<String> names) {
        return "step," + String.join(",", names) + ",images_per_s,seconds";
    }

    public void write(StepLosses losses, double imagesPerSecond, double seconds) throws IOException {
        StringBuilder row = new StringBuilder().append(losses.step());
        for (String name : names) {
            row.append(',').append(String.format(Locale.ROOT, "%.6g", losses.get(name)));
        }
        row.append(String.format(Locale.ROOT, ",%.3f,%.1f", imagesPerSecond, seconds));
        out.write(row.toString());
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
