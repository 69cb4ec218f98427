package batou.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Setting one value changes that value where it stands: comments, order and the other values stay as written. */
class SetValueKeepsTheTextTest {

    private static final String TEXT = """
            # team secrets: ask Ops before changing
            members:
              - age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq # alice
            components:
              # the database
              postgres:
                password: old-secret   # rotated 2026-11
                port: 5433
              app: {token: "t-1"}
            hosts:
              web1:
                token: tok-1
            # end of file
            """;

    private static final SecretEntry PASSWORD = SecretEntry.component("postgres", "password");

    @Test
    void aValueThatWouldReadAsAnotherTypeOrBreakTheLineIsQuoted() {
        for (String value : List.of("yes", "1.5", "null", "a # b", "k: v", "")) {
            assertEquals(TEXT.replace("old-secret", "\"" + value + "\""),
                    SecretsDocument.parse(TEXT).with(PASSWORD, value).text(), value);
        }
    }

    @Test
    void changingAValueKeepsEveryCommentAndTheOrder() {
        SecretsDocument changed = SecretsDocument.parse(TEXT).with(PASSWORD, "new-secret");
        assertEquals(TEXT.replace("old-secret", "new-secret"), changed.text());
        assertEquals(Optional.of("new-secret"), changed.value(PASSWORD));
    }

    @Test
    void aNewValueGoesFirstIntoItsOwnerOrSectionAndTheRestStays() {
        SecretsDocument document = SecretsDocument.parse(TEXT)
                .with(SecretEntry.component("postgres", "user"), "pg")
                .with(SecretEntry.component("app", "key"), "k")
                .with(SecretEntry.host("web2", "token"), "tok-2")
                .with(SecretEntry.component("redis", "password"), "r");
        assertEquals(TEXT.replace("  postgres:\n", "  redis: {password: r}\n  postgres:\n    user: pg\n")
                .replace("{token: \"t-1\"}", "{token: \"t-1\", key: k}")
                .replace("  web1:\n", "  web2: {token: tok-2}\n  web1:\n"), document.text());
        assertEquals(List.of("redis.password", "postgres.user", "postgres.password", "postgres.port", "app.token",
                "app.key", "host web2: token", "host web1: token"), document.keys());
    }

    @Test
    void theTemplateOfANewVaultTakesValuesInItsFlowMappings() {
        String template = SecretsDocument.template(List.of("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"));
        SecretsDocument document = SecretsDocument.parse(template).with(PASSWORD, "p").with(PASSWORD, "q");
        assertEquals(template.replace("components: {}", "components: {postgres: {password: q}}"), document.text());
    }

    @Test
    void aMissingSectionIsAddedAtTheEnd() {
        String text = "# only members\nmembers: [age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq]";
        assertEquals(text + "\nhosts:\n  web1:\n    token: t\n",
                SecretsDocument.parse(text).with(SecretEntry.host("web1", "token"), "t").text());
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain", "with: colon", "quote \" and \\ backslash", "line\nbreak\ttab", "# not a comment",
            "", " lead and trail ", "emoji \ud83d\udd11 key", "ctrl \u0001 \u007f \u0085", "- dash", "'single'",
            "{flow}", "[list]", "*alias", "&anchor", "!tag", "%percent", "@at", "`tick`", "yes", "~", "null", "1.5" })
    void anyValueReadsBackAsWritten(String value) {
        SecretsDocument changed = SecretsDocument.parse(TEXT).with(PASSWORD, value);
        assertEquals(Optional.of(value), changed.value(PASSWORD));
        assertEquals(TEXT.lines().count(), changed.text().lines().count(), "in place: " + changed.text());
    }
}
