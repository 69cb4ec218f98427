package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/reference/library.md lists every part type exactly as its schema declares it. */
class LibraryReferenceTest {

    static final String MARKER = "<!-- generated from the schemas: batou parts -->\n";

    @Test
    void theLibraryReferenceMatchesTheSchemas() throws Exception {
        Path doc = Path.of("../../docs/reference/library.md");
        String text = Files.readString(doc);
        int start = text.indexOf(MARKER);
        assertTrue(start >= 0, "docs/reference/library.md has no generated section");
        String generated = LibraryReference.markdown(new LibraryPartTypes().partTypes());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/library-generated.md"), generated);
        assertEquals(generated, text.substring(start + MARKER.length()),
                "docs/reference/library.md is out of date: replace everything after the marker with "
                        + "tests/batou.lib.tests/target/library-generated.md (or the output of batou parts)");
    }
}
