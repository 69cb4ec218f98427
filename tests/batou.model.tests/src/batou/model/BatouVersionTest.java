package batou.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.jar.Attributes;

import org.junit.jupiter.api.Test;

class BatouVersionTest {

    @Test
    void readsBundleVersionAndCommitFromManifestHeaders() {
        Attributes headers = new Attributes();
        headers.putValue("Bundle-Version", "0.1.0.v20261124-2010");
        headers.putValue("Batou-Commit", "1a2b3c4");
        BatouVersion version = BatouVersion.fromManifest(headers);
        assertEquals("0.1.0.v20261124-2010", version.version());
        assertEquals("1a2b3c4", version.commit());
        assertEquals("batou 0.1.0.v20261124-2010 (commit 1a2b3c4)", version.toString());
    }

    @Test
    void missingOrUnexpandedHeadersReadAsUnknown() {
        Attributes headers = new Attributes();
        headers.putValue("Batou-Commit", "${git.commit.id.abbrev}");
        BatouVersion version = BatouVersion.fromManifest(headers);
        assertEquals(BatouVersion.UNKNOWN, version.version());
        assertEquals(BatouVersion.UNKNOWN, version.commit());
    }

    @Test
    void fallsBackToImplementationVersionOutsideOsgi() {
        Attributes headers = new Attributes();
        headers.put(Attributes.Name.IMPLEMENTATION_VERSION, "0.1.0-SNAPSHOT");
        assertEquals("0.1.0-SNAPSHOT", BatouVersion.fromManifest(headers).version());
    }

    @Test
    void currentVersionIsTheBuiltBundleVersion() {
        // The model bundle under test was built by Tycho: its qualifier has been replaced by a timestamp.
        String version = BatouVersion.current().version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+\\.v\\d{8}-\\d{4}"), version);
    }
}
