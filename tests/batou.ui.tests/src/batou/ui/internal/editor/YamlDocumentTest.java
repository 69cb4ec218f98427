package batou.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The editors open project files with the loader's checks: what cannot be read is named with line and column. */
@ExtendWith(WorkspaceLogGuard.class)
class YamlDocumentTest {

    @TempDir
    Path project;

    private Path file(byte[] content) throws IOException {
        Path file = project.resolve("components/app/component.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    @Test
    void item15_aFileThatIsNotUtf8IsNamedWithItsLineAndColumn() throws IOException {
        Path latin1 = file("parts: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("line 2, column 6: not UTF-8 text: a byte here is not UTF-8 (save it as UTF-8 (it may be "
                + "Latin-1, Windows-1252 or another legacy encoding))",
                assertThrows(IOException.class, () -> new YamlDocument(latin1)).getMessage());
        Path utf16 = file("\ufeffparts: []\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("UTF-16 text (it starts with a byte order mark); batou reads YAML as UTF-8 (convert it, e.g. "
                + "iconv -f UTF-16 -t UTF-8 FILE > FILE.new && mv FILE.new FILE)",
                assertThrows(IOException.class, () -> new YamlDocument(utf16)).getMessage());
        Path utf8 = file("parts: []\n# caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("parts: []\n# caf\u00e9\n", new YamlDocument(utf8).text());
    }
}
