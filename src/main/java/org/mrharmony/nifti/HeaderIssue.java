package org.mrharmony.nifti;

/**
 * One finding of a header check: an {@link Level#ERROR} means the file cannot be read, a
 * {@link Level#WARNING} that it is read with the fallback the message names.
 */
public record HeaderIssue(Level level, String field, String message) {

    public enum Level { WARNING, ERROR }

    static HeaderIssue error(String field, String message) {
        return new HeaderIssue(Level.ERROR, field, message);
    }

    static HeaderIssue warning(String field, String message) {
        return new HeaderIssue(Level.WARNING, field, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    @Override
    public String toString() {
        return level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
