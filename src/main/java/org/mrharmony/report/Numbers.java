package org.mrharmony.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by charts and tables: compact, locale-independent. */
final class Numbers {

    private Numbers() {
    }

    /** Three significant digits, plain notation for ordinary magnitudes, e.g. 0.884, 27.4, 1.2e-05. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** A fixed number of decimals, for table columns that should line up. */
    static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return format(value);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
