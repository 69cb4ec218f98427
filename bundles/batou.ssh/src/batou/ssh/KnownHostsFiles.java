package batou.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The known_hosts files of one host, read as OpenSSH does: host patterns with wildcards and negation, hashed
 * names ({@code HashKnownHosts yes}), {@code [host]:port} for ports other than 22, {@code @revoked} keys. The files
 * are read at every check, so keys that other connections added are seen.
 */
final class KnownHostsFiles {

    /** What known_hosts says about a host's key. */
    enum Status {
        /** The key is recorded for the host. */
        KNOWN,
        /** No key is recorded for the host. */
        UNKNOWN,
        /** Another key of the same type is recorded for the host. */
        CHANGED,
        /** Only keys of other types are recorded for the host. */
        OTHER_TYPES,
        /** The key is marked {@code @revoked}. */
        REVOKED
    }

    /**
     * The outcome of a lookup.
     *
     * @param file where the deciding entry is ({@code null} for UNKNOWN)
     * @param line its line number
     * @param otherTypes for OTHER_TYPES: the types that are recorded
     */
    record Verdict(Status status, Path file, int line, List<String> otherTypes) {
    }

    private record Entry(Path file, int line, String marker, String hosts, HostPublicKey key) {
    }

    /** One lock per known_hosts file for the threads of this JVM; a file lock keeps other processes out. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Path> files;
    private final Path writable;

    /**
     * @param files the files to read, in order
     * @param writable where to add keys (usually the first of {@code files})
     */
    KnownHostsFiles(List<Path> files, Path writable) {
        this.files = List.copyOf(files);
        this.writable = writable;
    }

    /** The file keys are added to. */
    Path writable() {
        return writable;
    }

    /** Looks up {@code key} for the known_hosts name {@code name} ({@code host} or {@code [host]:port}). */
    Verdict check(String name, HostPublicKey key) throws IOException {
        Verdict changed = null;
        List<String> otherTypes = new ArrayList<>();
        Entry otherType = null;
        boolean known = false;
        for (Entry entry : entries()) {
            if (entry.marker().equals("@cert-authority") || !matches(entry.hosts(), name)) {
                continue;
            }
            if (entry.marker().equals("@revoked")) {
                if (entry.key().equals(key)) {
                    return new Verdict(Status.REVOKED, entry.file(), entry.line(), List.of());
                }
            } else if (entry.key().equals(key)) {
                known = true;
            } else if (entry.key().type().equals(key.type())) {
                changed = changed != null ? changed : new Verdict(Status.CHANGED, entry.file(), entry.line(), List.of());
            } else {
                otherType = otherType != null ? otherType : entry;
                if (!otherTypes.contains(entry.key().type())) {
                    otherTypes.add(entry.key().type());
                }
            }
        }
        if (known) {
            return new Verdict(Status.KNOWN, null, 0, List.of());
        }
        if (changed != null) {
            return changed;
        }
        if (otherType != null) {
            return new Verdict(Status.OTHER_TYPES, otherType.file(), otherType.line(), List.copyOf(otherTypes));
        }
        return new Verdict(Status.UNKNOWN, null, 0, List.of());
    }

    /** The keys recorded for {@code name}, revoked ones excepted. */
    List<HostPublicKey> keys(String name) throws IOException {
        List<HostPublicKey> keys = new ArrayList<>();
        for (Entry entry : entries()) {
            if (entry.marker().isEmpty() && matches(entry.hosts(), name)) {
                keys.add(entry.key());
            }
        }
        return keys;
    }

    /**
     * Adds {@code key} for {@code name} unless known_hosts knows the host by now (another connection may have added
     * it), safely against concurrent additions from this and other processes. Creates the file (0600) and its folder
     * (0700) when missing.
     *
     * @param hashed write the name hashed, as {@code HashKnownHosts yes} does
     * @return KNOWN when the key was added or was there already, else what known_hosts says now
     */
    Verdict add(String name, HostPublicKey key, boolean hashed) throws IOException {
        Path file = writable.toAbsolutePath().normalize();
        synchronized (LOCKS.computeIfAbsent(file, path -> new Object())) {
            createIfMissing(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    FileLock lock = channel.lock()) {
                Verdict verdict = check(name, key);
                if (verdict.status() != Status.UNKNOWN) {
                    return verdict;
                }
                String line = (hashed ? hash(name) : name) + " " + key.type() + " " + key.base64() + "\n";
                if (channel.size() > 0 && !endsWithNewline(file, channel.size())) {
                    line = "\n" + line;
                }
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
                return new Verdict(Status.KNOWN, file, 0, List.of());
            }
        }
    }

    private static void createIfMissing(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (!Files.exists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another process was quicker
            }
        }
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException missing) {
                continue;
            }
            for (int number = 1; number <= lines.size(); number++) {
                Entry entry = parse(file, number, lines.get(number - 1));
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** An entry of a known_hosts line, {@code null} for comments and lines that are not entries. */
    private static Entry parse(Path file, int number, String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields[0].isEmpty() || fields[0].startsWith("#")) {
            return null;
        }
        int first = fields[0].startsWith("@") ? 1 : 0;
        if (fields.length < first + 3) {
            return null;
        }
        try {
            HostPublicKey key = HostPublicKey.ofBase64(fields[first + 2]);
            return new Entry(file, number, first == 1 ? fields[0] : "", fields[first], key);
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    /** Whether a known_hosts host field (patterns, or one hashed name) matches {@code name}. */
    static boolean matches(String hosts, String name) {
        if (hosts.startsWith("|1|")) {
            String[] parts = hosts.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                return MessageDigest.isEqual(hmac(salt, name), hash);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return Glob.matchesList(name, Arrays.asList(hosts.split(",")));
    }

    /** {@code name} hashed as {@code HashKnownHosts yes} writes it: {@code |1|salt|HMAC-SHA1(salt, name)}. */
    static String hash(String name) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hmac(salt, name));
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA1", e);
        }
    }
}
