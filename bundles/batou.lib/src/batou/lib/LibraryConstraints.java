package batou.lib;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.util.Locale;

import batou.lib.internal.Checksums;
import batou.model.parts.AttributeConstraint;
import batou.model.parts.Violation;

/** Constraints of the library's attributes that need more than the model's common ones. */
final class LibraryConstraints {

    /** A character encoding Java knows ({@code encoding} of file parts). */
    static final AttributeConstraint CHARSET = AttributeConstraint.of("a character encoding, e.g. utf-8",
            value -> isCharset(String.valueOf(value)), "it is not a character encoding batou knows",
            "use e.g. utf-8 or iso-8859-1");

    /** A glob that Java's glob syntax accepts ({@code *}, {@code **}, {@code ?}, {@code [a-z]}, {@code {a,b}}). */
    static final AttributeConstraint GLOB = AttributeConstraint.of("a glob", value -> isGlob(String.valueOf(value)),
            "it is not a valid glob", "check the brackets: [abc] and {a,b} must be closed");

    /** A file name: no {@code /}, no spaces, not {@code .} or {@code ..} (a systemd unit's {@code name}). */
    static final AttributeConstraint FILE_NAME = AttributeConstraint.matching("(?!\\.\\.?$)[^/\\s]+",
            "a file name without / or spaces", "e.g. app.service");

    /** One word, as the crontab marker of a cron job. */
    static final AttributeConstraint WORD = AttributeConstraint.matching("\\S+", "one word without spaces",
            "e.g. backup");

    /** One non-empty line. */
    static final AttributeConstraint ONE_LINE = AttributeConstraint.matching("[^\\r\\n]*\\S[^\\r\\n]*",
            "one non-empty line", null);

    /** The five time fields of a crontab line. */
    static final AttributeConstraint CRON_SCHEDULE = AttributeConstraint.matching("\\s*\\S+(\\s+\\S+){4}\\s*",
            "five fields (minute hour day-of-month month day-of-week)", "e.g. '*/5 * * * *'");

    /** A SHA-256 checksum in hex. */
    static final AttributeConstraint SHA256 = AttributeConstraint.of("64 hex digits",
            value -> Checksums.isSha256(String.valueOf(value).strip()), "it must be 64 hex digits",
            "the output of sha256sum");

    /** The name of an archive the extract part can unpack. */
    static final AttributeConstraint ARCHIVE = AttributeConstraint.of(".tar.gz, .tgz, .tar.xz, .txz or .zip",
            value -> ExtractPart.format(String.valueOf(value)) != null, "the archive format is not known from the"
                    + " file name", "name a .tar.gz, .tgz, .tar.xz, .txz or .zip file");

    /** A URL the download part can fetch. */
    static final AttributeConstraint DOWNLOAD_URL = new AttributeConstraint() {
        @Override
        public Violation check(Object value, String written) {
            try {
                URI uri = new URI(String.valueOf(value));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("file") || scheme.equals("http") || scheme.equals("https")) {
                    return null;
                }
                return Violation.of("the URL's scheme is not file, http or https", "use file://, http:// or https://");
            } catch (URISyntaxException e) {
                return Violation.of("it is not a valid URL: " + e.getReason() + " at index " + e.getIndex(), null);
            }
        }

        @Override
        public String describe() {
            return "a file://, http:// or https:// URL";
        }
    };

    private LibraryConstraints() {
    }

    private static boolean isCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isGlob(String glob) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
