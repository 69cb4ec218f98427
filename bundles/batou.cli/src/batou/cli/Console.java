package batou.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import batou.cli.internal.MaskingOutputStream;
import batou.model.Masking;

/**
 * Where a command reads ({@link #in()}, e.g. a secret value) and writes: results to out, diagnostics to err. Both
 * output streams mask the sensitive values of the run once a command has configured an environment
 * ({@link #mask}), so nothing a command prints can show a secret.
 */
public final class Console {

    private final InputStream in;
    private final MaskingOutputStream maskedOut;
    private final MaskingOutputStream maskedErr;
    private final PrintStream out;
    private final PrintStream err;

    public Console(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.maskedOut = new MaskingOutputStream(out);
        this.maskedErr = new MaskingOutputStream(err);
        this.out = new PrintStream(maskedOut, true, Charset.defaultCharset());
        this.err = new PrintStream(maskedErr, true, Charset.defaultCharset());
    }

    public Console(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Masks {@code masking}'s values in everything printed from now on. */
    public void mask(Masking masking) {
        maskedOut.mask(masking);
        maskedErr.mask(masking);
    }
}
