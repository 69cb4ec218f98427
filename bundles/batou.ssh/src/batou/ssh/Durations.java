package batou.ssh;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as messages show them: {@code 10 s}, {@code 0.5 s}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
