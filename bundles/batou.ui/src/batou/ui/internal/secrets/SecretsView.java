package batou.ui.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.PreferenceChangeEvent;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.PreferencesUtil;

import batou.secrets.Member;
import batou.secrets.SecretEntry;
import batou.secrets.BinarySecretFileException;
import batou.secrets.SecretsVault;
import batou.secrets.age.AgeException;
import batou.secrets.age.Recipients;
import batou.ui.internal.WrappingToolBars;
import batou.ui.internal.preferences.BatouPreferencePage;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.secrets.SecretsSnapshot.SecretFile;

/**
 * The secrets vault of the open project, per environment: members, secret values (masked; one row revealed on
 * request for 30 seconds) and secret files. Every change goes through {@link SecretsVault}, as {@code batou secrets}
 * does; decryption and encryption run in jobs, one at a time.
 */
public final class SecretsView {

    public static final String ID = "batou.ui.views.secrets";

    /** How long a revealed value stays visible. */
    static final int REVEAL_MILLIS = 30_000;

    /** Vault jobs run one after the other: the vault loads identities once and is not thread-safe. */
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** Work on the vault in a job. */
    @FunctionalInterface
    private interface VaultWork {
        void run(SecretsVault vault, String environment) throws IOException;

        default VaultWork andThen(VaultWork next) {
            return (vault, environment) -> {
                run(vault, environment);
                next.run(vault, environment);
            };
        }
    }

    private final OpenProject project;
    private final OpenProject.Listener listener = this::projectChanged;
    private final IPreferenceChangeListener identitiesChanged = this::preferenceChanged;
    private final Runnable hideTimer = this::hide;
    private Display display;
    private Combo environments;
    private Label message;
    private Link preferences;
    private Composite tools;
    private SecretsTables tables;
    private RememberedPassphrases passphrases;
    private SecretsVault vault;
    private Path vaultProject;
    private volatile String storageProblem;
    private SecretsSnapshot loaded = SecretsSnapshot.empty();
    private int generation;

    private final IAction reload = action(SecretsMessages.Action_reload, SecretsMessages.Action_reload_tooltip,
            this::load);
    private final IAction reveal = action(SecretsMessages.Action_reveal, SecretsMessages.Action_reveal_tooltip,
            this::revealSelected);
    private final IAction editValue = action(SecretsMessages.Action_editValue,
            SecretsMessages.Action_editValue_tooltip, this::editValue);
    private final IAction addMember = action(SecretsMessages.Action_addMember,
            SecretsMessages.Action_addMember_tooltip, this::addMember);
    private final IAction removeMember = action(SecretsMessages.Action_removeMember,
            SecretsMessages.Action_removeMember_tooltip, this::removeMember);
    private final IAction reencrypt = action(SecretsMessages.Action_reencrypt,
            SecretsMessages.Action_reencrypt_tooltip, () -> change((vault, environment) -> vault.reencrypt(
                    environment)));
    private final IAction editFile = action(SecretsMessages.Action_editFile, SecretsMessages.Action_editFile_tooltip,
            this::editFile);
    private final IAction createVault = action(SecretsMessages.Action_createVault,
            SecretsMessages.Action_createVault_tooltip, this::createVault);
    private final IAction addValue = action(SecretsMessages.Action_addValue, SecretsMessages.Action_addValue_tooltip,
            this::addValue);
    private final IAction addFile = action(SecretsMessages.Action_addFile, SecretsMessages.Action_addFile_tooltip,
            this::addFile);

    @Inject
    public SecretsView(OpenProject project) {
        this.project = project;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        passphrases = RememberedPassphrases.workbench(display, problem -> storageProblem = problem);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        new Label(top, SWT.NONE).setText(SecretsMessages.SecretsView_environment);
        environments = new Combo(top, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(environments);
        environments.addSelectionListener(SelectionListener.widgetSelectedAdapter(
                e -> project.selectEnvironment(environments.getText())));
        tools = new WrappingToolBars(parent, List.of(reload, reveal), List.of(createVault, addValue, editValue),
                List.of(addMember, removeMember, reencrypt), List.of(addFile, editFile)).control();
        message = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
        preferences = new Link(parent, SWT.NONE);
        preferences.setText(SecretsMessages.SecretsView_preferences);
        preferences.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> PreferencesUtil
                .createPreferenceDialogOn(shell(), BatouPreferencePage.ID, null, null).open()));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(preferences);
        tables = new SecretsTables(parent);
        contextMenu(tables.members(), createVault, addMember, removeMember, reencrypt);
        contextMenu(tables.secrets(), createVault, addValue, reveal, editValue);
        contextMenu(tables.files(), createVault, addFile, editFile);
        tables.secrets().addSelectionChangedListener(event -> {
            if (tables.revealed() != null && !tables.revealed().equals(selected(tables.secrets()))) {
                hide();
            }
        });
        List.of(tables.members(), tables.secrets(), tables.files())
                .forEach(viewer -> viewer.addSelectionChangedListener(event -> updateActions()));
        project.addListener(listener);
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).addPreferenceChangeListener(identitiesChanged);
        showEnvironments();
        load();
    }

    @Focus
    public void setFocus() {
        tables.secrets().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        project.removeListener(listener);
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).removePreferenceChangeListener(identitiesChanged);
        display.timerExec(-1, hideTimer);
        Job.getJobManager().cancel(this);
    }

    private static IAction action(String text, String tooltip, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    private static void contextMenu(TableViewer viewer, IAction... actions) {
        MenuManager menu = new MenuManager();
        for (IAction action : actions) {
            menu.add(action);
        }
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        viewer.getControl().addDisposeListener(e -> menu.dispose());
    }

    /** Decrypts with the identities chosen in the preferences now. */
    private void preferenceChanged(PreferenceChangeEvent event) {
        if (BatouPreferences.IDENTITIES.equals(event.getKey())) {
            display.asyncExec(() -> {
                if (!message.isDisposed()) {
                    vaultProject = null;
                    load();
                }
            });
        }
    }

    private void projectChanged(OpenProject.Change change) {
        display.asyncExec(() -> {
            if (message.isDisposed()) {
                return;
            }
            showEnvironments();
            load();
        });
    }

    private void showEnvironments() {
        List<String> names = project.environments();
        if (!List.of(environments.getItems()).equals(names)) {
            environments.setItems(names.toArray(String[]::new));
        }
        String selected = project.environment();
        environments.select(selected == null ? -1 : names.indexOf(selected));
    }

    /** Decrypts the selected environment's secrets in a job and shows them. */
    private void load() {
        hide();
        int loading = ++generation;
        Path root = project.root();
        String environment = project.environment();
        if (root == null || environment == null) {
            show(SecretsSnapshot.empty(), SecretsMessages.SecretsView_noProject);
            return;
        }
        SecretsVault current = vault(root);
        message.setText(NLS.bind(SecretsMessages.SecretsView_loading, environment));
        schedule(NLS.bind(SecretsMessages.SecretsView_loading, environment), () -> {
            SecretsSnapshot snapshot = SecretsSnapshot.load(current, environment);
            display.asyncExec(() -> {
                if (loading == generation && !message.isDisposed()) {
                    show(snapshot, describe(snapshot));
                }
            });
        });
    }

    private SecretsVault vault(Path root) {
        if (!root.equals(vaultProject)) {
            vaultProject = root;
            vault = new SecretsVault(root, passphrases.guard(OpenProject.identities(passphrases)));
        }
        return vault;
    }

    private String describe(SecretsSnapshot snapshot) {
        String text;
        if (snapshot.problem() != null) {
            text = NLS.bind(SecretsMessages.SecretsView_cannotDecrypt, snapshot.environment(), snapshot.noIdentity()
                    ? SecretsMessages.SecretsView_noIdentity : snapshot.problem());
        } else if (!snapshot.loaded()) {
            text = NLS.bind(SecretsMessages.SecretsView_noSecrets, snapshot.environment());
        } else {
            text = NLS.bind(SecretsMessages.SecretsView_loaded, new Object[] {snapshot.environment(),
                    snapshot.members().size(), snapshot.entries().size(), snapshot.files().size()});
        }
        String problem = storageProblem;
        storageProblem = null;
        return problem == null ? text : text + "\n" + problem;
    }

    private void show(SecretsSnapshot snapshot, String text) {
        hide();
        tables.show(snapshot);
        message.setText(text);
        preferences.setVisible(snapshot.problem() != null);
        ((GridData) preferences.getLayoutData()).exclude = snapshot.problem() == null;
        message.getParent().layout(true, true);
        loaded = snapshot;
        updateActions();
    }

    private void updateActions() {
        reload.setEnabled(project.root() != null && project.environment() != null);
        reveal.setEnabled(selected(tables.secrets()) instanceof SecretEntry);
        editValue.setEnabled(selected(tables.secrets()) instanceof SecretEntry);
        boolean noVault = loaded.environment() != null && !loaded.loaded() && loaded.problem() == null;
        createVault.setEnabled(noVault);
        addValue.setEnabled(loaded.loaded() || noVault);
        addFile.setEnabled(loaded.loaded() || noVault);
        addMember.setEnabled(loaded.loaded() || noVault);
        removeMember.setEnabled(selected(tables.members()) instanceof Member && loaded.members().size() > 1);
        reencrypt.setEnabled(loaded.loaded());
        editFile.setEnabled(selected(tables.files()) instanceof SecretFile file && file.size() >= 0);
    }

    private static Object selected(TableViewer viewer) {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    private void revealSelected() {
        if (selected(tables.secrets()) instanceof SecretEntry entry) {
            tables.reveal(entry);
            display.timerExec(REVEAL_MILLIS, hideTimer);
        }
    }

    /** Masks the revealed value again. */
    private void hide() {
        display.timerExec(-1, hideTimer);
        if (tables != null && tables.revealed() != null && !tables.secrets().getControl().isDisposed()) {
            tables.reveal(null);
        }
    }

    private Shell shell() {
        return message.getShell();
    }

    private void editValue() {
        if (!(selected(tables.secrets()) instanceof SecretEntry entry)) {
            return;
        }
        hide();
        EditValueDialog dialog = new EditValueDialog(shell(), entry, loaded.environment());
        if (dialog.open() == Window.OK) {
            String value = dialog.value();
            change((vault, environment) -> vault.set(environment, entry, value));
        }
    }

    private void createVault() {
        vaultFirst().ifPresent(this::change);
    }

    /**
     * What creates the environment's secrets first, when it has none: the user confirms or picks the key they become
     * the first member with. Nothing to do when it has them; empty when the user cancelled.
     */
    private Optional<VaultWork> vaultFirst() {
        if (loaded.loaded()) {
            return Optional.of((vault, environment) -> {
            });
        }
        List<Path> identities = BatouPreferences.identityFiles();
        CreateVaultDialog dialog = new CreateVaultDialog(shell(), loaded.environment(), identities);
        if (dialog.open() != Window.OK) {
            return Optional.empty();
        }
        String key = dialog.key();
        if (!identities.contains(dialog.file())) { // so that the workbench can decrypt what it creates
            BatouPreferences.addIdentityFile(dialog.file());
            vaultProject = null;
        }
        return Optional.of((vault, environment) -> vault.create(environment, key));
    }

    private void addValue() {
        vaultFirst().ifPresent(first -> {
            EditValueDialog dialog = new EditValueDialog(shell(), null, loaded.environment());
            if (dialog.open() == Window.OK) {
                SecretEntry entry = dialog.entry();
                String value = dialog.value();
                change(first.andThen((vault, environment) -> vault.set(environment, entry, value)));
            }
        });
    }

    private void addFile() {
        vaultFirst().ifPresent(first -> {
            AddSecretFileDialog dialog = new AddSecretFileDialog(shell(), loaded.environment(),
                    loaded.files().stream().map(SecretFile::name).toList());
            if (dialog.open() == Window.OK) {
                String name = dialog.name();
                Path file = dialog.file();
                change(first.andThen((vault, environment) -> vault.writeSecretFile(environment, name,
                        Files.readAllBytes(file))));
            }
        });
    }

    private void addMember() {
        Optional<VaultWork> first = vaultFirst();
        if (first.isEmpty()) {
            return;
        }
        InputDialog dialog = new InputDialog(shell(), SecretsMessages.AddMember_title,
                NLS.bind(SecretsMessages.AddMember_message, loaded.environment()), "", key -> {
                    if (key.isBlank()) {
                        return "";
                    }
                    try {
                        Recipients.parse(key);
                        return null;
                    } catch (AgeException e) {
                        return e.getMessage();
                    }
                });
        if (dialog.open() == Window.OK) {
            String key = dialog.getValue().strip();
            change(first.get().andThen((vault, environment) -> vault.addMember(environment, key)));
        }
    }

    private void removeMember() {
        if (!(selected(tables.members()) instanceof Member member)) {
            return;
        }
        String name = member.comment().isEmpty() ? member.fingerprint() : member.comment();
        if (MessageDialog.openConfirm(shell(), SecretsMessages.RemoveMember_title,
                NLS.bind(SecretsMessages.RemoveMember_message, name, loaded.environment()))) {
            change((vault, environment) -> {
                SecretsVault.Removal removal = vault.removeMember(environment, member.key());
                if (!removal.stillReadable()) { // one's own key: say so, the view can no longer show the secrets
                    display.asyncExec(() -> MessageDialog.openInformation(shell(), SecretsMessages.RemoveMember_title,
                            NLS.bind(SecretsMessages.RemoveMember_ownKey, environment, removal.members())));
                }
            });
        }
    }

    private void editFile() {
        if (!(selected(tables.files()) instanceof SecretFile file)) {
            return;
        }
        String environment = loaded.environment();
        SecretsVault current = vault;
        schedule(NLS.bind(SecretsMessages.SecretsView_loading, environment), () -> {
            String before;
            try {
                before = current.readSecretText(environment, file.name());
            } catch (BinarySecretFileException e) {
                display.asyncExec(() -> MessageDialog.openInformation(shell(), SecretsMessages.SecretFile_binaryTitle,
                        e.getMessage()));
                return;
            } catch (IOException | AgeException e) {
                failed(environment, e);
                return;
            }
            display.asyncExec(() -> {
                if (message.isDisposed()) {
                    return;
                }
                SecretFileDialog dialog = new SecretFileDialog(shell(), file.name(), environment, before);
                if (dialog.open() == Window.OK && !dialog.text().equals(before)) {
                    byte[] after = dialog.text().getBytes(StandardCharsets.UTF_8);
                    change((vault, env) -> vault.writeSecretFile(env, file.name(), after));
                }
            });
        });
    }

    /** Changes the loaded environment's secrets in a job, then refreshes the open project. */
    private void change(VaultWork work) {
        String environment = loaded.environment();
        SecretsVault current = vault;
        if (environment == null || current == null) {
            return;
        }
        hide();
        message.setText(NLS.bind(SecretsMessages.SecretsView_working, environment));
        schedule(NLS.bind(SecretsMessages.SecretsView_working, environment), () -> {
            try {
                work.run(current, environment);
            } catch (IOException | AgeException | IllegalArgumentException e) {
                failed(environment, e);
                return;
            }
            // configurations computed with the old secrets are stale: every view reloads, this one too
            display.asyncExec(project::refresh);
        });
    }

    private void failed(String environment, Exception e) {
        display.asyncExec(() -> {
            if (!message.isDisposed()) {
                message.setText(NLS.bind(SecretsMessages.SecretsView_failed, environment, e.getMessage()));
                message.getParent().layout(true, true);
            }
        });
    }

    private void schedule(String name, Runnable work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                work.run();
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == SecretsView.this;
            }
        };
        job.setRule(ONE_AT_A_TIME);
        job.setSystem(true);
        job.schedule();
    }

    Combo environmentCombo() {
        return environments;
    }

    Label message() {
        return message;
    }

    SecretsTables tables() {
        return tables;
    }

    /** The tool bars of the view's actions. */
    Composite tools() {
        return tools;
    }
}
