package org.mrharmony.cli;

/** A problem with what the user asked for; printed as one line, exit code 2. */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
