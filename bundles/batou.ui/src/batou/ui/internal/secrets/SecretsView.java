package batou.ui.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ToolBarManager;
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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;

import batou.secrets.Member;
import batou.secrets.SecretEntry;
import batou.secrets.BinarySecretFileException;
import batou.secrets.SecretsVault;
import batou.secrets.age.AgeException;
import batou.secrets.age.Recipients;
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
    }

    private final OpenProject project;
    private final OpenProject.Listener listener = this::projectChanged;
    private final Runnable hideTimer = this::hide;
    private Display display;
    private Combo environments;
    private Label message;
    private ToolBarManager toolBar;
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
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        new Label(top, SWT.NONE).setText(SecretsMessages.SecretsView_environment);
        environments = new Combo(top, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(environments);
        environments.addSelectionListener(SelectionListener.widgetSelectedAdapter(
                e -> project.selectEnvironment(environments.getText())));
        toolBar = new ToolBarManager(SWT.FLAT | SWT.RIGHT | SWT.WRAP);
        List.of(reload, reveal, editValue, addMember, removeMember, reencrypt, editFile).forEach(toolBar::add);
        ToolBar bar = toolBar.createControl(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        message = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
        tables = new SecretsTables(parent);
        contextMenu(tables.members(), addMember, removeMember, reencrypt);
        contextMenu(tables.secrets(), reveal, editValue);
        contextMenu(tables.files(), editFile);
        tables.secrets().addSelectionChangedListener(event -> {
            if (tables.revealed() != null && !tables.revealed().equals(selected(tables.secrets()))) {
                hide();
            }
        });
        List.of(tables.members(), tables.secrets(), tables.files())
                .forEach(viewer -> viewer.addSelectionChangedListener(event -> updateActions()));
        project.addListener(listener);
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
        display.timerExec(-1, hideTimer);
        toolBar.dispose();
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
            text = NLS.bind(SecretsMessages.SecretsView_cannotDecrypt, snapshot.environment(), snapshot.problem());
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
        message.getParent().layout(true, true);
        loaded = snapshot;
        updateActions();
    }

    private void updateActions() {
        reload.setEnabled(project.root() != null && project.environment() != null);
        reveal.setEnabled(selected(tables.secrets()) instanceof SecretEntry);
        editValue.setEnabled(selected(tables.secrets()) instanceof SecretEntry);
        addMember.setEnabled(loaded.loaded());
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
        EditValueDialog dialog = new EditValueDialog(shell(), entry.toString(), loaded.environment());
        if (dialog.open() == Window.OK) {
            String value = dialog.value();
            change((vault, environment) -> vault.set(environment, entry, value));
        }
    }

    private void addMember() {
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
            change((vault, environment) -> vault.addMember(environment, key));
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

    ToolBarManager toolBar() {
        return toolBar;
    }
}
