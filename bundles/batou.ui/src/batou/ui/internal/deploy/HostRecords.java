package batou.ui.internal.deploy;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import batou.model.configure.Configuration;
import batou.ssh.SshSettings;
import batou.ssh.operation.StatusOperation;
import batou.ssh.operation.StatusOperation.StatusReport;
import batou.ui.internal.Columns;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.project.OpenProject;

/**
 * What each host of the selected environment last deployed (its {@code deployed.json}, as {@code batou status}
 * reads it), whether the host could be reached and whether it runs the project's HEAD; fetched in a background job,
 * hosts in parallel, again after each deployment and on Refresh.
 */
final class HostRecords {

    /** The data key of the table, for tests. */
    static final String TABLE = "batou.ui.deploy.records";

    /** The family of the jobs that read records, for tests. */
    static final Object FAMILY = HostRecords.class;

    private final OpenProject project;
    private final Composite control;
    private final Label title;
    private final TableViewer viewer;
    private Job reading;

    HostRecords(Composite parent, OpenProject project) {
        this.project = project;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(control);
        title = new Label(control, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(title);
        ToolBar tools = new ToolBar(control, SWT.FLAT | SWT.RIGHT);
        ToolItem refresh = new ToolItem(tools, SWT.PUSH);
        refresh.setText(DeployMessages.Records_refresh);
        refresh.setToolTipText(DeployMessages.Records_refreshTooltip);
        refresh.addListener(SWT.Selection, event -> read());
        viewer = new TableViewer(control, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL
                | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(TABLE, Boolean.TRUE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_host, 140, HostRecord::host);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_reachable, 100, HostRecord::reachable);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_commit, 110, HostRecord::commit);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_head, 170, HostRecord::head);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_time, 170, HostRecord::time);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_operator, 160, HostRecord::operator);
        Columns.add(viewer, HostRecord.class, DeployMessages.Records_state, 260, HostRecord::summary);
    }

    Composite control() {
        return control;
    }

    /** Reads the records of the selected environment again, in the background. */
    void read() {
        if (control.isDisposed()) {
            return;
        }
        Path root = project.root();
        String environment = project.environment();
        if (reading != null) {
            reading.cancel();
        }
        if (root == null || environment == null) {
            title.setText(DeployMessages.Records_noEnvironment);
            viewer.setInput(List.of());
            return;
        }
        title.setText(NLS.bind(DeployMessages.Records_title, environment));
        Job job = new Job(NLS.bind(DeployMessages.Records_job, environment)) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                List<HostRecord> records = fetch(root, environment);
                if (!monitor.isCanceled() && !control.isDisposed()) {
                    control.getDisplay().asyncExec(() -> {
                        if (!control.isDisposed() && reading == this) {
                            viewer.setInput(records);
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setSystem(true);
        reading = job;
        job.schedule();
    }

    /** The records of every host of {@code environment}; a failed configuration yields no hosts. */
    private List<HostRecord> fetch(Path root, String environment) {
        Configuration configuration = project.configuration(root, environment).orElse(null);
        if (configuration == null || configuration.failed()) {
            return List.of();
        }
        StatusReport report = StatusOperation.read(root, configuration.plan(), OpenProject.registry(),
                SshSettings.defaults().withAcceptNewHostKeys(BatouPreferences.acceptNewHostKeys()));
        return report.hosts().stream().map(host -> HostRecord.of(host, report.head())).toList();
    }
}
