package batou.ui.internal.deploy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.eclipse.osgi.util.NLS;

import batou.engine.DeployedRecord;
import batou.ssh.operation.StatusOperation.HostStatus;

/**
 * What one host last deployed, from its {@code .batou/deployed.json}: commit, time, operator, components and how
 * many failed; or why that is not known, or how the deployment did not finish ({@code problem}).
 */
record HostRecord(String host, String commit, String time, String operator, int components, int failed,
        String problem) {

    /** The row of what the status operation found on {@code status}'s host. */
    static HostRecord of(HostStatus status) {
        String host = status.host();
        String why = status.unreachable() != null ? status.unreachable() : status.unreadable();
        if (why != null) {
            return new HostRecord(host, "", "", "", 0, 0, NLS.bind(DeployMessages.Records_unreadable, why));
        }
        DeployedRecord record = status.record();
        if (record == null) {
            return new HostRecord(host, "", "", "", 0, 0, DeployMessages.Records_never);
        }
        String commit = record.commit() == null ? DeployMessages.Records_noCommit
                : record.commit().substring(0, Math.min(12, record.commit().length()));
        String unfinished = switch (record.state()) {
            case FINISHED -> null;
            case RUNNING -> DeployMessages.Records_running;
            case CONTROLLER_LOST -> DeployMessages.Records_controllerLost;
            case INCOMPLETE -> DeployMessages.Records_incomplete;
        };
        int components = record.components().size();
        return new HostRecord(host, commit, localTime(record.time()), record.operator(), components, record.failed(),
                unfinished == null ? null : NLS.bind(unfinished, components, record.failed()));
    }

    /** The record's ISO-8601 time as local time, as the person's locale writes it; unparsable: as written. */
    static String localTime(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return RunHistory.time(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The state column: the problem, or the components and failures. */
    String summary() {
        return problem != null ? problem : NLS.bind(DeployMessages.Records_summary, components, failed);
    }
}
