package batou.ui.internal.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import batou.model.project.EnvironmentSettings;
import batou.model.project.edit.EnvironmentOutline;

/**
 * The {@code environment:} settings: how hosts are reached, their domain, user, folder and platform, the number of
 * roots deployed at once, the ssh_config and how long an agent lingers after a deployment. An empty field removes
 * the setting (its default applies).
 */
final class SettingsSection {

    private final EnvironmentEditor editor;
    private final Combo connect;
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Map<String, NumberField> numbers = new LinkedHashMap<>();
    private EnvironmentOutline outline;
    private boolean updating;

    /** A numeric setting's spinner and the value it shows while the file does not set it. */
    private record NumberField(Spinner spinner, int defaultValue) {
    }

    SettingsSection(Composite parent, EnvironmentEditor editor) {
        this.editor = editor;
        Group group = new Group(parent, SWT.NONE);
        group.setText(EditorMessages.Settings_title);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(12, 6).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);

        label(group, EditorMessages.Settings_connect);
        connect = new Combo(group, SWT.READ_ONLY);
        connect.setItems(new String[] { "", "ssh", "local" });
        GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).indent(8, 0).applyTo(connect);
        connect.addListener(SWT.Selection, event -> write(EnvironmentSettings.CONNECT, connect.getText()));
        decorate(connect, EnvironmentSettings.CONNECT);

        text(group, EnvironmentSettings.HOST_DOMAIN, EditorMessages.Settings_hostDomain);
        text(group, EnvironmentSettings.SERVICE_USER, EditorMessages.Settings_serviceUser);
        text(group, EnvironmentSettings.TARGET_DIRECTORY, EditorMessages.Settings_targetDirectory);
        text(group, EnvironmentSettings.PLATFORM, EditorMessages.Settings_platform);

        number(group, EnvironmentSettings.JOBS, EditorMessages.Settings_jobs, EnvironmentSettings.DEFAULT_JOBS, 9999);
        text(group, EnvironmentSettings.SSH_CONFIG, EditorMessages.Settings_sshConfig);
        number(group, EnvironmentSettings.AGENT_LINGER, EditorMessages.Settings_agentLinger,
                EnvironmentSettings.DEFAULT_AGENT_LINGER, 86400);
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private void text(Composite parent, String key, String label) {
        label(parent, label);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(text);
        text.addListener(SWT.Modify, event -> write(key, text.getText()));
        texts.put(key, text);
        decorate(text, key);
    }

    private void number(Composite parent, String key, String label, long defaultValue, int maximum) {
        label(parent, label);
        Spinner spinner = new Spinner(parent, SWT.BORDER);
        spinner.setValues((int) defaultValue, 0, maximum, 0, 1, 10);
        GridDataFactory.swtDefaults().indent(8, 0).applyTo(spinner);
        spinner.addListener(SWT.Selection, event -> writeNumber(key, spinner));
        spinner.addListener(SWT.Modify, event -> writeNumber(key, spinner));
        numbers.put(key, new NumberField(spinner, (int) defaultValue));
        decorate(spinner, key);
    }

    private void decorate(Control control, String key) {
        editor.decorations().add(control, () -> {
            EnvironmentOutline.Value value = outline == null ? null : outline.settings().get(key);
            return value == null ? 0 : value.line();
        });
    }

    private void write(String key, String value) {
        if (!updating) {
            editor.edit(edits -> edits.setSetting(key, value.isBlank() ? null : value.strip()));
        }
    }

    private void writeNumber(String key, Spinner spinner) {
        if (!updating) {
            editor.edit(edits -> edits.setSetting(key, (long) spinner.getSelection()));
        }
    }

    void refresh(EnvironmentOutline value, boolean keepFocused) {
        outline = value;
        updating = true;
        try {
            if (!(keepFocused && connect.isFocusControl())) {
                String method = value.setting(EnvironmentSettings.CONNECT);
                if (connect.indexOf(method) < 0) {
                    connect.add(method);
                }
                connect.setText(method);
            }
            for (Map.Entry<String, Text> entry : texts.entrySet()) {
                String text = value.setting(entry.getKey());
                if (!(keepFocused && entry.getValue().isFocusControl()) && !entry.getValue().getText().equals(text)) {
                    entry.getValue().setText(text);
                }
            }
            for (Map.Entry<String, NumberField> entry : numbers.entrySet()) {
                Spinner spinner = entry.getValue().spinner();
                EnvironmentOutline.Value setting = value.settings().get(entry.getKey());
                int shown = setting != null && setting.value() instanceof Long number
                        ? (int) Math.max(0, Math.min(spinner.getMaximum(), number))
                        : entry.getValue().defaultValue();
                if (!(keepFocused && spinner.isFocusControl()) && spinner.getSelection() != shown) {
                    spinner.setSelection(shown);
                }
            }
        } finally {
            updating = false;
        }
    }

    Combo connect() {
        return connect;
    }

    Spinner jobs() {
        return number(EnvironmentSettings.JOBS);
    }

    /** The spinner of a numeric setting ({@code jobs}, {@code agent_linger}). */
    Spinner number(String key) {
        return numbers.get(key).spinner();
    }

    Text text(String key) {
        return texts.get(key);
    }
}
