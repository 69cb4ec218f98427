package batou.engine.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

/** Failures of connections and files in words: what users read instead of Java's exception names. */
class ReasonsTest {

    @Test
    void item15_javaExceptionsBecomeWords() {
        assertEquals("the connection was refused", Reasons.of(new IOException("wrapped", new ConnectException())));
        assertEquals("it does not exist", Reasons.of(new NoSuchFileException("/x")));
        assertEquals("it is a directory", Reasons.of(new FileSystemException("/etc", null, "Is a directory")));
        assertEquals("it is a directory", Reasons.of(new FileNotFoundException("/etc (Is a directory)")));
        assertEquals("it is not UTF-8 text", Reasons.of(new MalformedInputException(1)));
        assertEquals("Session.connect: Algorithm negotiation fail", Reasons.of(new IOException(
                "Session.connect: java.io.IOException: Algorithm negotiation fail")));
        assertEquals("it failed without saying why", Reasons.of(new IOException((String) null)));
    }
}
