package org.mrharmony.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A BIDS tabular file ({@code participants.tsv}, {@code sub-XX_sessions.tsv}): tab-separated,
 * a header row, one row per participant or session keyed by its first column; {@code n/a} marks
 * a missing value.
 */
public final class BidsTable {

    public static final String MISSING = "n/a";

    private final Path file;
    private final List<String> columns;
    private final Map<String, String[]> rows;

    private BidsTable(Path file, List<String> columns, Map<String, String[]> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** @throws IOException naming the file for an empty file or a row of the wrong width */
    public static BidsTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(file + ": empty table (a BIDS .tsv starts with a header row)");
        }
        List<String> columns = Arrays.stream(stripBom(lines.get(0)).split("\t", -1)).map(String::trim).toList();
        Map<String, String[]> rows = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns.size()) {
                throw new IOException(file + ": line " + (i + 1) + " has " + cells.length + " values, the header has "
                    + columns.size() + " columns");
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].trim();
            }
            rows.put(cells[0], cells);
        }
        return new BidsTable(file, columns, rows);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    public Path file() {
        return file;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** The value in {@code column} of the row whose key (first column) is {@code key}; empty if missing or n/a. */
    public Optional<String> value(String key, String column) {
        int c = columns.indexOf(column);
        String[] row = rows.get(key);
        if (c < 0 || row == null || row[c].isEmpty() || row[c].equals(MISSING)) {
            return Optional.empty();
        }
        return Optional.of(row[c]);
    }
}
