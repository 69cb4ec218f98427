package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is an AgeException with a message users can act on; no plaintext is ever returned. */
class DecryptErrorsTest {

    @TempDir
    static Path dir;
    static X25519Identity identity;
    static Path sshKey;
    static String sshPublicKey;

    @BeforeAll
    static void keys() throws Exception {
        identity = (X25519Identity) Identities.read(AgeCli.ageKeygen(dir, "key.txt")).get(0);
        sshKey = AgeCli.sshKeygen(dir, "id_ed25519", "");
        sshPublicKey = Files.readString(Path.of(sshKey + ".pub")).strip();
    }

    static String message(byte[] file, List<? extends AgeIdentity> identities) {
        return assertThrows(AgeException.class, () -> Age.decrypt(file, identities)).getMessage();
    }

    static byte[] flip(byte[] file, int index) {
        byte[] copy = file.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    /** Changes one base64 character of the header to another valid one, so the header still parses. */
    static byte[] change(byte[] file, int index) {
        byte[] copy = file.clone();
        copy[index] = (byte) (copy[index] == 'A' ? 'B' : 'A');
        return copy;
    }

    static int indexOf(byte[] file, String text) {
        String ascii = new String(file, StandardCharsets.ISO_8859_1);
        return ascii.indexOf(text);
    }

    @Test
    void wrongIdentityNamesTheStanzaTypesAndTheSshKeyTag() throws Exception {
        byte[] file = AgeCli.ok("secret".getBytes(StandardCharsets.UTF_8), "age", "-e", "-r",
                X25519Identity.generate().recipient().toString(), "-r", sshPublicKey);
        byte[] wire = Base64.getDecoder().decode(sshPublicKey.split(" ")[1]);
        String tag = HexFormat.of().formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(wire), 4));
        assertEquals("no identity matches any recipient of this file; it is encrypted to: X25519 (1), ssh-ed25519 "
                + tag + " (1)", message(file, List.of(identity)));
    }

    @Test
    void identicalStanzaTypesAreCounted() {
        byte[] file = Age.encrypt(new byte[0], List.of(X25519Identity.generate().recipient(),
                X25519Identity.generate().recipient()), false);
        assertEquals("no identity matches any recipient of this file; it is encrypted to: X25519 (2)",
                message(file, List.of(identity)));
    }

    @Test
    void flippedHeaderMacByteIsAMacMismatch() {
        byte[] file = Age.encrypt("secret".getBytes(StandardCharsets.UTF_8), List.of(identity.recipient()), false);
        int mac = indexOf(file, "\n--- ") + 5;
        assertEquals("header MAC mismatch: the file header is corrupt or was modified",
                message(change(file, mac), List.of(identity)));
    }

    @Test
    void flippedStanzaBytesMeanNoIdentityMatches() {
        byte[] file = AgeCli.ok("secret".getBytes(StandardCharsets.UTF_8), "age", "-e", "-r",
                identity.recipient().toString());
        // The wrapped file key no longer authenticates, so the identity does not recognise the stanza.
        int body = indexOf(file, "\n-> X25519 ");
        int bodyLine = indexOf(file, "\n---") - 5;
        assertEquals("no identity matches any recipient of this file; it is encrypted to: X25519 (1)",
                message(change(file, bodyLine), List.of(identity)));
        assertEquals("no identity matches any recipient of this file; it is encrypted to: X25519 (1)",
                message(change(file, body + 15), List.of(identity)));
    }

    @Test
    void flippedPayloadByteNamesTheChunk() {
        byte[] plaintext = X25519InteropTest.random(3 * 65536 - 5);
        byte[] file = AgeCli.ok(plaintext, "age", "-e", "-r", identity.recipient().toString());
        int payload = indexOf(file, "\n--- ") + 1 + 4 + 43 + 1 + 16;
        assertEquals("the file is truncated or corrupt: chunk 1 failed authentication",
                message(flip(file, payload), List.of(identity)));
        assertEquals("the file is truncated or corrupt: chunk 2 failed authentication",
                message(flip(file, payload + 65552 + 100), List.of(identity)));
        assertEquals("the file is truncated or corrupt: chunk 3 failed authentication",
                message(flip(file, file.length - 1), List.of(identity)));
        // the nonce
        assertEquals("the file is truncated or corrupt: chunk 1 failed authentication",
                message(flip(file, payload - 3), List.of(identity)));
    }

    @Test
    void truncatedFilesAreRejected() {
        byte[] file = AgeCli.ok(X25519InteropTest.random(65537), "age", "-e", "-r", identity.recipient().toString());
        assertEquals("the file is truncated or corrupt: chunk 2 failed authentication",
                message(Arrays.copyOf(file, file.length - 1), List.of(identity)));
        // cut at the chunk boundary: the first chunk is not marked last
        assertEquals("the file is truncated or corrupt: chunk 1 failed authentication",
                message(Arrays.copyOf(file, file.length - 17), List.of(identity)));
        int payload = indexOf(file, "\n--- ") + 1 + 4 + 43 + 1;
        assertEquals("the file is truncated or corrupt: the payload is shorter than its nonce",
                message(Arrays.copyOf(file, payload + 10), List.of(identity)));
        assertEquals("the file is truncated or corrupt: the header ends early",
                message(Arrays.copyOf(file, payload - 20), List.of(identity)));
    }

    @Test
    void truncatedArmorIsRejected() {
        byte[] file = Age.encrypt(X25519InteropTest.random(1000), List.of(identity.recipient()), true);
        String text = new String(file, StandardCharsets.US_ASCII);
        byte[] cut = text.substring(0, text.indexOf("-----END")).getBytes(StandardCharsets.US_ASCII);
        assertEquals("the file is truncated or corrupt: the armor has no -----END AGE ENCRYPTED FILE----- line",
                message(cut, List.of(identity)));
    }

    @Test
    void wrongVersionLine() {
        byte[] file = Age.encrypt(new byte[0], List.of(identity.recipient()), false);
        byte[] v2 = new String(file, StandardCharsets.ISO_8859_1).replace("org/v1", "org/v2")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("this is an age file of another version than age-encryption.org/v1, the only one batou reads",
                message(v2, List.of(identity)));
        assertEquals("this is not an age file: it does not start with the line 'age-encryption.org/v1' (a plaintext "
                + "file was never encrypted: move it out of the project and write the secrets with batou secrets "
                + "edit)", message("hello".getBytes(StandardCharsets.US_ASCII), List.of(identity)));
    }

    @Test
    void trailingDataIsRejected() {
        byte[] file = Age.encrypt(X25519InteropTest.random(65536), List.of(identity.recipient()), false);
        byte[] longer = Arrays.copyOf(file, file.length + 3);
        assertEquals("the file is corrupt: there is trailing data after the end of the encrypted payload",
                message(longer, List.of(identity)));
        byte[] armored = Age.encrypt(new byte[1], List.of(identity.recipient()), true);
        byte[] withGarbage = (new String(armored, StandardCharsets.US_ASCII) + "garbage\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("the file is corrupt: there is trailing data after the armored file",
                message(withGarbage, List.of(identity)));
    }

    @Test
    void ageRejectsWhatWeReject() {
        byte[] file = Age.encrypt(X25519InteropTest.random(70000), List.of(identity.recipient()), false);
        Path identityFile = dir.resolve("key.txt");
        AgeCli.Result result = AgeCli.run(flip(file, file.length - 1), "age", "-d", "-i", identityFile.toString());
        assertEquals(1, result.exitCode(), result.stderr());
    }

    @Test
    void aHeaderOfThousandsOfStrangersIsRefusedQuickly() {
        List<AgeRecipient> strangers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            strangers.add(X25519Identity.generate().recipient());
        }
        String file = new String(Age.encrypt(new byte[0], strangers, false), StandardCharsets.ISO_8859_1);
        int start = file.indexOf("\n-> ");
        int end = file.indexOf("\n---");
        String stanzas = file.substring(start, end);
        byte[] inflated = (file.substring(0, start) + stanzas.repeat(1000) + file.substring(end))
                .getBytes(StandardCharsets.ISO_8859_1);
        long started = System.nanoTime();
        assertEquals("the age header is malformed: it has more than 1000 recipient stanzas",
                message(inflated, List.of(identity)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(millis < 2000, millis + " ms");
    }
}
