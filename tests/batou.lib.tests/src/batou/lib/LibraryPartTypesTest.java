package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.types.AttributeType;

class LibraryPartTypesTest {

    private final List<PartType> types = new LibraryPartTypes().partTypes();

    @Test
    void theLibraryHasEveryPartTypeOfTheReference() {
        Set<String> names = PartTypeRegistry.of(types).names();
        assertEquals(Set.of("file", "template", "directory", "symlink", "mode", "owner", "purge", "command",
                "download", "extract", "json", "yaml", "cron", "systemd", "git"), names);
    }

    @Test
    void everyAttributeIsDescribedAndDeclaredOnce() {
        for (PartType type : types) {
            assertFalse(type.summary().isBlank(), type.name());
            Set<String> seen = new HashSet<>();
            for (PartAttribute attribute : type.attributes()) {
                assertTrue(seen.add(attribute.name()), type.name() + "." + attribute.name() + " declared twice");
                assertFalse(attribute.description().isBlank(), type.name() + "." + attribute.name());
                assertTrue(!attribute.required() || attribute.defaultValue() == null,
                        type.name() + "." + attribute.name() + " is required and has a default");
            }
        }
    }

    @Test
    void defaultsAlreadyHaveTheirAttributesType() throws Exception {
        for (PartType type : types) {
            for (PartAttribute attribute : type.attributes()) {
                if (attribute.defaultValue() != null) {
                    assertEquals(attribute.defaultValue(), attribute.type().convert(attribute.defaultValue()),
                            type.name() + "." + attribute.name());
                }
            }
        }
    }

    @Test
    void defaultsSatisfyTheirOwnConstraints() {
        for (PartType type : types) {
            for (PartAttribute attribute : type.attributes()) {
                if (attribute.defaultValue() != null) {
                    assertNull(attribute.check(attribute.defaultValue(), null), type.name() + "." + attribute.name());
                }
            }
        }
    }

    @Test
    void templateSourceIsAProjectFileAndPathsAreOnTheTarget() {
        PartType template = PartTypeRegistry.of(types).find("template");
        assertTrue(template.attribute("source").projectFile());
        assertTrue(template.attribute("source").required());
        assertEquals(AttributeType.PATH, template.attribute("path").type());
        assertFalse(template.attribute("path").projectFile());
    }

    @Test
    void everyPartTypeIsExecutable() {
        Set<String> executable = new HashSet<>();
        for (PartType type : types) {
            if (type instanceof batou.engine.parts.ExecutablePartType) {
                executable.add(type.name());
            }
        }
        assertEquals(Set.of("file", "template", "directory", "symlink", "mode", "owner", "purge", "command",
                "json", "yaml", "download", "extract", "cron", "systemd", "git"),
                executable);
    }
}
