package batou.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import batou.model.Masking;

class PartPathTest {

    @Test
    void printsTheSegmentsAsBatouAlwaysHas() {
        PartPath path = PartPath.of("app").child("logrotate").child("file /etc/logrotate.d/app");
        assertEquals("app > logrotate > file /etc/logrotate.d/app", path.toString());
        assertEquals("logrotate > file /etc/logrotate.d/app", path.belowRoot());
        assertEquals("app", PartPath.of("app").belowRoot());
        assertThrows(IllegalArgumentException.class, () -> new PartPath(List.of()));
    }

    @Test
    void aLabelWithTheSeparatorStaysOneSegment() {
        PartPath path = PartPath.of("web", "command echo a > b");
        assertEquals(List.of("web", "command echo a > b"), path.segments());
        assertEquals("command echo a > b", path.belowRoot());
    }

    @Test
    void maskingAppliesToEachSegment() {
        OutputFilter shown = OutputFilter.of(Masking.of(List.of("s3cret-value")));
        PartPath masked = PartPath.of("app", "file /srv/s3cret-value.conf").map(shown);
        assertEquals(PartPath.of("app", "file /srv/" + Masking.MASK + ".conf"), masked);
    }

    @Test
    void aSecretAcrossTheSeparatorIsMaskedInTheWholePath() {
        OutputFilter shown = OutputFilter.of(Masking.of(List.of("pw > ab")));
        PartPath masked = PartPath.of("app", "xpw", "abc").child("file x").map(shown);
        assertFalse(masked.toString().contains("pw > ab"), masked.toString());
        assertEquals(shown.apply("app > xpw > abc > file x"), masked.toString());
    }
}
