package org.mrharmony.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors users cause (bad files, bad options) into one line on stderr and exit
 * code 2, instead of a stack trace. Anything else is a bug and keeps its stack trace.
 */
final class CliErrors implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) throws Exception {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof IOException || t instanceof UserError || t instanceof IllegalArgumentException) {
            // the full command ("mrharmony model summary"), so a nested command's error says which one
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + t.getMessage());
            return USER_ERROR;
        }
        throw ex;
    }
}
