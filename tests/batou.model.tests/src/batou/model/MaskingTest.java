package batou.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Masking as CI systems do it: every occurrence, the usual encodings, longest first, nothing too short. */
class MaskingTest {

    @Test
    void masksEveryOccurrenceAndTheUsualEncodingsOfASecret() {
        String secret = "p@ss word/&1";
        Masking masking = new Masking.Builder().secret(secret).build();
        assertEquals("a [masked] b [masked]", masking.mask("a " + secret + " b " + secret));
        assertEquals("url [masked]", masking.mask("url " + java.net.URLEncoder.encode(secret,
                java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("url [masked]", masking.mask("url p%40ss%20word%2F%261"));
        assertEquals("basic [masked]", masking.mask("basic " + Base64.getEncoder().encodeToString(secret.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void masksTheLinesOfAMultiLineSecretOneByOne() {
        String key = "-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\nshort\n-----END KEY-----\n";
        Masking masking = new Masking.Builder().secret(key).build();
        assertEquals("line [masked] printed", masking.mask("line AAAAB3NzaC1yc2EAAAADAQABAAABAQ printed"));
        assertEquals("short", masking.mask("short"), "lines shorter than 8 characters would mask too much");
    }

    @Test
    void aValueContainingAnotherIsMaskedWhole() {
        Masking masking = new Masking.Builder().secret("s3cret").derived("postgres://u:s3cret@h/db").build();
        assertEquals("dsn [masked]!", masking.mask("dsn postgres://u:s3cret@h/db!"));
        assertEquals("pw [masked]", masking.mask("pw s3cret"));
    }

    @Test
    void derivedNumbersBooleansAndMultiLineTextsAreNotPatterns() {
        Masking masking = new Masking.Builder().derived(List.of(5432L, true, "line one\nline two")).build();
        assertTrue(masking.isEmpty());
        Masking secrets = new Masking.Builder().secret(Map.of("port", 54321L)).build();
        assertEquals("port [masked]", secrets.mask("port 54321"), "a number from the secrets is masked");
    }

    @Test
    void textsShorterThanTheMinimumAreNotMasked() {
        Masking masking = new Masking.Builder().secret("abc").build();
        assertTrue(masking.isEmpty());
        assertEquals("abc", masking.mask("abc"));
    }

    @Test
    void nothingChangesWithoutSecretsAndNullStaysNull() {
        assertNull(Masking.none().mask(null));
        assertEquals("text", Masking.none().mask("text"));
        assertFalse(Masking.none().reveals("text"));
        assertFalse(new Masking.Builder().secret("s3cret").build().toString().contains("s3cret"));
    }

    /** Found by an audit of issue 14: what filters and tools make of a secret in a command's output or a diff. */
    @Test
    void item03_caseChangedJsonEscapedAndPrintedFormsOfASecretAreMasked() {
        Masking masking = new Masking.Builder().secret("Kv9q2WmXr7Lp").secret("Pa\"ss\\w\u00f6rd<&>x 1zq")
                .secret(6.02e23).build();
        assertEquals("[masked]-x [masked] [masked]", masking.mask("kv9q2wmxr7lp-x Kv9q2wmxr7lp KV9Q2WMXR7LP"));
        assertEquals("\"p\": \"[masked]\"", masking.mask("\"p\": \"Pa\\\"ss\\\\w\u00f6rd<&>x 1zq\""));
        assertEquals("\"p\": \"[masked]\"", masking.mask("\"p\": \"Pa\\\"ss\\\\w\\u00f6rd<&>x 1zq\""),
                "as Python's json.dumps writes it");
        assertEquals("q: [masked]", masking.mask("q: PA\"SS\\W\u00d6RD<&>X 1ZQ"));
        assertEquals("flt=[masked]", masking.mask("flt=6.02e+23"));
    }

    @Test
    void item03_aSecretInsideTheBase64OfALongerTextIsMaskedAtEveryOffset() {
        String secret = "Kv9q2WmXr7Lp";
        Masking masking = new Masking.Builder().secret(secret).build();
        for (String text : List.of("u:" + secret, "ab" + secret, "x" + secret + "y", secret + ":tail",
                "Authorization: " + secret)) {
            String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            assertTrue(masking.mask("basic " + encoded).contains("[masked]"), text + " as " + encoded);
        }
        assertEquals("dXNlcjpvdGhlcg==", masking.mask("dXNlcjpvdGhlcg=="), "base64 of other text stays");
    }
}
