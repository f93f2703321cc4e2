package org.mrharmony.report;

/**
 * Puts AWT into headless mode before any rendering class is touched, so charts and mosaics
 * render on servers and in CI without a display. Must run before AWT initialises its toolkit;
 * every public rendering entry point calls {@link #ensure()} first.
 */
final class Headless {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Headless() {
    }

    /** Triggers the static initialiser; calling it more than once is free. */
    static void ensure() {
        // the work is done once, in the static block
    }
}
