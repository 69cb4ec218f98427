package batou.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import batou.model.project.AttributeDeclaration;
import batou.model.project.ComponentDefinition;
import batou.model.project.Project;
import batou.model.project.edit.EnvironmentOutline;
import batou.model.types.ConversionException;

/**
 * The attribute overrides of each root component ({@code components:}): attribute, type, default and the
 * override, checked with the attribute's type as it is typed. An invalid value is marked and not written; an empty
 * one removes the override.
 */
final class OverridesPage {

    /** The field of one attribute. */
    record Field(String component, AttributeDeclaration attribute) {
    }

    private final EnvironmentEditor editor;
    private final ScrolledComposite scrolled;
    private final Composite content;
    private final Map<Field, Text> texts = new LinkedHashMap<>();
    private List<String> shownComponents = List.of();
    private EnvironmentOutline outline;
    private boolean updating;

    OverridesPage(Composite parent, EnvironmentEditor editor) {
        this.editor = editor;
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        content = new Composite(scrolled, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(10, 10).spacing(10, 10).applyTo(content);
        scrolled.setContent(content);
    }

    Control control() {
        return scrolled;
    }

    void refresh(EnvironmentOutline value, Project project, boolean keepFocused) {
        outline = value;
        List<String> components = new ArrayList<>();
        for (String name : value.rootComponents()) {
            ComponentDefinition definition = project.component(name);
            if (definition != null && !definition.attributes().isEmpty()) {
                components.add(name + ":" + definition.attributes().keySet());
            }
        }
        if (!components.equals(shownComponents)) {
            rebuild(value, project, components);
        }
        updating = true;
        try {
            for (Map.Entry<Field, Text> entry : texts.entrySet()) {
                Text text = entry.getValue();
                String shown = override(entry.getKey());
                if (!(keepFocused && text.isFocusControl()) && !text.getText().equals(shown)) {
                    text.setText(shown);
                    editor.decorations().setInputError(text, null);
                }
            }
        } finally {
            updating = false;
        }
    }

    private void rebuild(EnvironmentOutline value, Project project, List<String> components) {
        for (Control child : content.getChildren()) {
            child.dispose();
        }
        texts.clear();
        shownComponents = components;
        if (components.isEmpty()) {
            new Label(content, SWT.WRAP).setText(EditorMessages.Overrides_none);
        }
        for (String name : value.rootComponents()) {
            ComponentDefinition definition = project.component(name);
            if (definition == null || definition.attributes().isEmpty()) {
                continue;
            }
            Group group = new Group(content, SWT.NONE);
            group.setText(name);
            GridLayoutFactory.swtDefaults().numColumns(4).spacing(16, 6).applyTo(group);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
            for (String header : List.of(EditorMessages.Overrides_attribute, EditorMessages.Overrides_type,
                    EditorMessages.Overrides_default, EditorMessages.Overrides_value)) {
                Label label = new Label(group, SWT.NONE);
                label.setText(header);
                label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
            }
            for (AttributeDeclaration attribute : definition.attributes().values()) {
                new Label(group, SWT.NONE).setText(attribute.name());
                new Label(group, SWT.NONE).setText(attribute.type().label());
                Label defaultLabel = new Label(group, SWT.NONE);
                defaultLabel.setText(defaultText(attribute));
                GridDataFactory.fillDefaults().hint(240, SWT.DEFAULT).applyTo(defaultLabel);
                Text text = new Text(group, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).indent(8, 0).applyTo(text);
                Field field = new Field(name, attribute);
                text.addListener(SWT.Modify, event -> write(field, text));
                editor.decorations().add(text, () -> {
                    EnvironmentOutline.Value override = value(field);
                    return override == null ? 0 : override.line();
                });
                texts.put(field, text);
            }
        }
        content.layout(true, true);
        scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private static String defaultText(AttributeDeclaration attribute) {
        if (attribute.sensitive()) {
            return EditorMessages.Overrides_sensitive;
        }
        if (attribute.required()) {
            return EditorMessages.Overrides_required;
        }
        return attribute.defaultText();
    }

    private EnvironmentOutline.Value value(Field field) {
        Map<String, EnvironmentOutline.Value> values = outline == null ? null
                : outline.overrides().get(field.component());
        return values == null ? null : values.get(field.attribute().name());
    }

    private String override(Field field) {
        EnvironmentOutline.Value value = value(field);
        return value == null ? "" : value.text();
    }

    private void write(Field field, Text text) {
        if (updating) {
            return;
        }
        String typed = text.getText();
        if (typed.isBlank()) {
            editor.decorations().setInputError(text, null);
            editor.edit(edits -> edits.removeOverride(field.component(), field.attribute().name()));
            return;
        }
        Object value;
        try {
            value = OverrideValues.parse(field.attribute().type(), typed);
        } catch (ConversionException e) {
            editor.decorations().setInputError(text,
                    NLS.bind(EditorMessages.Overrides_invalid, field.attribute().type().label(), e.getMessage()));
            return;
        }
        editor.decorations().setInputError(text, null);
        editor.edit(edits -> edits.setOverride(field.component(), field.attribute().name(), value));
    }

    /** The override field of an attribute, or null; for tests. */
    Text text(String component, String attribute) {
        for (Map.Entry<Field, Text> entry : texts.entrySet()) {
            if (entry.getKey().component().equals(component)
                    && entry.getKey().attribute().name().equals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
