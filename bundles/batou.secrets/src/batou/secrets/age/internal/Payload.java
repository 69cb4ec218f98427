package batou.secrets.age.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

import batou.secrets.age.AgeException;

/** The STREAM payload of an age file: a 16-byte nonce, then 64 KiB ChaCha20-Poly1305 chunks. */
public final class Payload {

    /** Plaintext bytes per chunk. */
    public static final int CHUNK = 64 * 1024;
    /** Length of the payload nonce. */
    public static final int NONCE_LENGTH = 16;

    private Payload() {
    }

    /**
     * @param fileKey the file key
     * @param nonce the 16-byte payload nonce
     * @param plaintext the plaintext
     * @return the nonce followed by the encrypted chunks
     */
    public static byte[] encrypt(byte[] fileKey, byte[] nonce, byte[] plaintext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + NONCE_LENGTH
                + (plaintext.length / CHUNK + 1) * Aead.TAG_LENGTH);
        try {
            encrypt(fileKey, nonce, new ByteArrayInputStream(plaintext), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Encrypts a stream chunk by chunk, reading one chunk ahead to know which chunk is the last.
     *
     * @param fileKey the file key
     * @param nonce the 16-byte payload nonce
     * @param in the plaintext, read to its end
     * @param out receives the nonce followed by the encrypted chunks
     * @throws IOException if reading or writing fails
     */
    public static void encrypt(byte[] fileKey, byte[] nonce, InputStream in, OutputStream out) throws IOException {
        byte[] key = Hkdf.derive(fileKey, nonce, "payload", 32);
        out.write(nonce);
        long counter = 0;
        byte[] chunk = in.readNBytes(CHUNK);
        while (true) {
            byte[] next = chunk.length < CHUNK ? new byte[0] : in.readNBytes(CHUNK);
            boolean last = next.length == 0;
            out.write(Aead.seal(key, chunkNonce(counter, last), chunk, 0, chunk.length));
            if (last) {
                return;
            }
            chunk = next;
            counter++;
        }
    }

    /**
     * @param fileKey the file key
     * @param file the whole file
     * @param offset where the payload starts
     * @return the plaintext; nothing is returned unless every chunk authenticates
     * @throws AgeException if the payload is truncated, corrupt or followed by trailing data
     */
    public static byte[] decrypt(byte[] fileKey, byte[] file, int offset) {
        if (file.length - offset < NONCE_LENGTH) {
            throw new AgeException("the file is truncated or corrupt: the payload is shorter than its nonce");
        }
        byte[] nonce = Arrays.copyOfRange(file, offset, offset + NONCE_LENGTH);
        byte[] key = Hkdf.derive(fileKey, nonce, "payload", 32);
        int pos = offset + NONCE_LENGTH;
        int encryptedChunk = CHUNK + Aead.TAG_LENGTH;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, file.length - pos));
        long counter = 0;
        while (true) {
            int remaining = file.length - pos;
            int length = Math.min(encryptedChunk, remaining);
            long chunkNumber = counter + 1;
            if (remaining > encryptedChunk) {
                Optional<byte[]> chunk = Aead.open(key, chunkNonce(counter, false), file, pos, length);
                if (chunk.isEmpty()) {
                    if (Aead.open(key, chunkNonce(counter, true), file, pos, length).isPresent()) {
                        throw new AgeException("the file is corrupt: there is trailing data after the end of the "
                                + "encrypted payload");
                    }
                    throw failed(chunkNumber);
                }
                out.writeBytes(chunk.get());
                pos += length;
                counter++;
                continue;
            }
            Optional<byte[]> chunk = Aead.open(key, chunkNonce(counter, true), file, pos, length);
            if (chunk.isEmpty()) {
                throw failed(chunkNumber);
            }
            if (chunk.get().length == 0 && counter > 0) {
                throw new AgeException("the file is corrupt: its final chunk " + chunkNumber + " is empty");
            }
            out.writeBytes(chunk.get());
            return out.toByteArray();
        }
    }

    private static AgeException failed(long chunkNumber) {
        return new AgeException("the file is truncated or corrupt: chunk " + chunkNumber + " failed authentication");
    }

    private static byte[] chunkNonce(long counter, boolean last) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[10 - i] = (byte) (counter >>> (8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }
}
