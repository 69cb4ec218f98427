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
 * roots deployed at once and the ssh_config. An empty field removes the setting (its default applies).
 */
final class SettingsSection {

    private final EnvironmentEditor editor;
    private final Combo connect;
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Spinner jobs;
    private EnvironmentOutline outline;
    private boolean updating;

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

        label(group, EditorMessages.Settings_jobs);
        jobs = new Spinner(group, SWT.BORDER);
        jobs.setValues((int) EnvironmentSettings.DEFAULT_JOBS, 0, 9999, 0, 1, 10);
        GridDataFactory.swtDefaults().indent(8, 0).applyTo(jobs);
        jobs.addListener(SWT.Selection, event -> writeJobs());
        jobs.addListener(SWT.Modify, event -> writeJobs());
        decorate(jobs, EnvironmentSettings.JOBS);

        text(group, EnvironmentSettings.SSH_CONFIG, EditorMessages.Settings_sshConfig);
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

    private void writeJobs() {
        if (!updating) {
            editor.edit(edits -> edits.setSetting(EnvironmentSettings.JOBS, (long) jobs.getSelection()));
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
            EnvironmentOutline.Value jobsValue = value.settings().get(EnvironmentSettings.JOBS);
            int count = jobsValue != null && jobsValue.value() instanceof Long number
                    ? (int) Math.max(0, Math.min(9999, number)) : (int) EnvironmentSettings.DEFAULT_JOBS;
            if (!(keepFocused && jobs.isFocusControl()) && jobs.getSelection() != count) {
                jobs.setSelection(count);
            }
        } finally {
            updating = false;
        }
    }

    Combo connect() {
        return connect;
    }

    Spinner jobs() {
        return jobs;
    }

    Text text(String key) {
        return texts.get(key);
    }
}
