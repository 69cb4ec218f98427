package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.age.internal.Armor;
import batou.test.harness.Properties;

/**
 * The age reader on arbitrary bytes and on real age files (made by the age CLI and by batou, binary and armored,
 * to X25519, ssh-ed25519 and ssh-rsa keys) that were truncated, bit-flipped, given other headers, stanzas and MACs,
 * re-armored and inflated: every input decrypts to the original plaintext or ends in an {@link AgeException} with a
 * sentence, within two seconds and 256 MiB, never any other throwable.
 */
class AgeReaderPropertiesTest {

    private static final int TRIES = 300;

    @TempDir
    static Path dir;

    /** Real age files and what they decrypt to. */
    private record Sample(byte[] file, byte[] plaintext) {
        @Override
        public String toString() {
            String text = new String(file, 0, Math.min(file.length, 300), StandardCharsets.ISO_8859_1)
                    .replaceAll("[^ -~\n]", "?");
            return file.length + " bytes, starting: " + text;
        }
    }

    private static final List<Sample> SAMPLES = new ArrayList<>();
    private static List<AgeIdentity> identities;

    @BeforeAll
    static void realFiles() throws Exception {
        Path x25519 = AgeCli.ageKeygen(dir, "key.txt");
        Path ed25519 = AgeCli.sshKeygen(dir, "id_ed25519", "");
        Path rsa = AgeCli.sshKeygenRsa(dir, "id_rsa", 2048, "");
        identities = new ArrayList<>(Identities.read(x25519));
        identities.add(SshEd25519Identity.read(ed25519));
        identities.add(SshRsaIdentity.read(rsa));
        String[] recipients = { AgeCli.agePublicKey(x25519), Files.readString(Path.of(ed25519 + ".pub")).strip(),
                Files.readString(Path.of(rsa + ".pub")).strip() };
        Random random = new Random(42);
        for (int size : new int[] { 0, 100, 65536 + 10 }) {
            byte[] plaintext = new byte[size];
            random.nextBytes(plaintext);
            for (String recipient : recipients) {
                SAMPLES.add(new Sample(AgeCli.ok(plaintext, "age", "-e", "-r", recipient), plaintext));
                SAMPLES.add(new Sample(AgeCli.ok(plaintext, "age", "-e", "-a", "-r", recipient), plaintext));
            }
            SAMPLES.add(new Sample(Age.encrypt(plaintext, List.of(Recipients.parse(recipients[0]),
                    Recipients.parse(recipients[1]), Recipients.parse(recipients[2])), true), plaintext));
            SAMPLES.add(new Sample(Age.encrypt(plaintext, List.of(Recipients.parse(recipients[2])), false),
                    plaintext));
        }
        for (Sample sample : SAMPLES) {
            assertArrayEquals(sample.plaintext(), Age.decrypt(sample.file(), identities), "the samples decrypt");
        }
    }

    /** Decrypts to the sample's plaintext or throws an AgeException with a sentence; nothing else. */
    private static void decryptsOrRefuses(byte[] file, byte[] plaintext) {
        try {
            byte[] decrypted = Age.decrypt(file, identities);
            assertTrue(plaintext != null && Arrays.equals(plaintext, decrypted),
                    "only an intact file decrypts, to its plaintext");
        } catch (AgeException e) {
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank() && message.length() < 400
                    && message.chars().noneMatch(Character::isISOControl) && !message.contains("Exception"),
                    "a sentence: " + message);
        }
    }

    @Test
    void arbitraryBytes() {
        Properties.forAll("age: arbitrary bytes", TRIES, random -> {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) { // sometimes the right start, so the parser goes further
                String start = random.nextBoolean() ? "age-encryption.org/v1\n-> " : Armor.BEGIN + "\n";
                byte[] head = start.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            }
            return bytes;
        }, Properties.Bounds.reader(), bytes -> decryptsOrRefuses(bytes, null));
    }

    @Test
    void mutatedRealFiles() {
        Properties.forAll("age: mutated real files", TRIES, random -> {
            Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
            return new Sample(mutate(sample.file(), random), sample.plaintext());
        }, Properties.Bounds.reader(), sample -> decryptsOrRefuses(sample.file(), sample.plaintext()));
    }

    /** One to three mutations of an age file. */
    private static byte[] mutate(byte[] file, Random random) {
        byte[] result = file;
        for (int round = 0, rounds = 1 + random.nextInt(3); round < rounds; round++) {
            result = switch (random.nextInt(11)) {
                case 0 -> Arrays.copyOf(result, random.nextInt(result.length + 1)); // truncated
                case 1 -> flip(result, random);
                case 2 -> replaceLine(result, random, "age-encryption.org/v" + random.nextInt(3));
                case 3 -> replaceLine(result, random, "-> " + pick(random, "X25519", "ssh-ed25519", "ssh-rsa",
                        "scrypt", "", "X25519 " + "A".repeat(random.nextInt(100)), "ssh-ed25519 AAAA BBBB",
                        "x " + " y".repeat(random.nextInt(1000))));
                case 4 -> replaceLine(result, random, "--- " + pick(random, "", "AAAA", "A".repeat(43),
                        "!!notbase64!!", "A".repeat(random.nextInt(100_000))));
                case 5 -> replaceLine(result, random, "A".repeat(random.nextInt(200_000))); // a huge body line
                case 6 -> new String(result, StandardCharsets.ISO_8859_1).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1); // armor or header with CRLF
                case 7 -> concat(result, pick(random, "\n", "garbage", "\0\0\0", "-----END AGE ENCRYPTED FILE-----\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                case 8 -> concat(pick(random, " \n", "\t", "\ufeff", "-----BEGIN AGE ENCRYPTED FILE-----\n")
                        .getBytes(StandardCharsets.UTF_8), result);
                case 9 -> Armor.isArmored(result) ? result : armorAgain(result, random);
                default -> repeatStanza(result, random);
            };
        }
        return result;
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] flip(byte[] file, Random random) {
        byte[] copy = file.clone();
        for (int i = 0, flips = 1 + random.nextInt(8); i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    /** The file with one of its first lines (header or armor) replaced. */
    private static byte[] replaceLine(byte[] file, Random random, String line) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf('\n'); i >= 0 && starts.size() < 12; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        return (text.substring(0, start) + line + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The header with its first stanza repeated up to 20,000 times or 4 MiB (thousands of recipients). */
    private static byte[] repeatStanza(byte[] file, Random random) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\n-> ");
        int end = start < 0 ? -1 : text.indexOf("\n-> ", start + 1);
        if (end < 0) {
            end = start < 0 ? -1 : text.indexOf("\n---", start + 1);
        }
        if (start < 0 || end < 0) {
            return file;
        }
        String stanza = text.substring(start, end);
        int times = 1 + random.nextInt(Math.max(1, Math.min(20_000, (4 << 20) / stanza.length())));
        return (text.substring(0, start) + stanza.repeat(times) + text.substring(start))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A binary file armored with lines of another width, or not wrapped at all. */
    private static byte[] armorAgain(byte[] binary, Random random) {
        String encoded = java.util.Base64.getEncoder().encodeToString(binary);
        int width = new int[] { 64, 76, 63, Integer.MAX_VALUE }[random.nextInt(4)];
        StringBuilder out = new StringBuilder("-----BEGIN AGE ENCRYPTED FILE-----\n");
        for (int i = 0; i < encoded.length(); i += Math.min(width, encoded.length() - i)) {
            out.append(encoded, i, i + Math.min(width, encoded.length() - i)).append('\n');
        }
        return out.append("-----END AGE ENCRYPTED FILE-----\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
