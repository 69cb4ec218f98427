package batou.ui.internal.deploy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.eclipse.osgi.util.NLS;

import batou.engine.DeployedRecord;
import batou.ssh.operation.StatusOperation.HostStatus;

/**
 * What one host last deployed, from its {@code .batou/deployed.json}: whether the host could be reached, commit and
 * whether it is the project's HEAD, local time, operator, components and how many failed; or why that is not known,
 * or how the deployment did not finish ({@code problem}).
 */
record HostRecord(String host, String reachable, String commit, String head, String time, String operator,
        int components, int failed, String problem) {

    /** The row of what the status operation found on {@code status}'s host; {@code head}: the project's, or null. */
    static HostRecord of(HostStatus status, String head) {
        String host = status.host();
        if (status.unreachable() != null) {
            return new HostRecord(host, DeployMessages.Records_unreachable, "", "", "", "", 0, 0,
                    NLS.bind(DeployMessages.Records_unreadable, status.unreachable()));
        }
        if (status.unreadable() != null) {
            return new HostRecord(host, DeployMessages.Records_reachable, "", "", "", "", 0, 0,
                    NLS.bind(DeployMessages.Records_unreadable, status.unreadable()));
        }
        DeployedRecord record = status.record();
        if (record == null) {
            return new HostRecord(host, DeployMessages.Records_reachable, "", "", "", "", 0, 0,
                    DeployMessages.Records_never);
        }
        String commit = record.commit() == null ? DeployMessages.Records_noCommit : shortCommit(record.commit());
        String unfinished = switch (record.state()) {
            case FINISHED -> null;
            case RUNNING -> DeployMessages.Records_running;
            case CONTROLLER_LOST -> DeployMessages.Records_controllerLost;
            case INCOMPLETE -> DeployMessages.Records_incomplete;
        };
        int components = record.components().size();
        return new HostRecord(host, DeployMessages.Records_reachable, commit, comparedTo(record.commit(), head),
                localTime(record.time()), record.operator(), components, record.failed(),
                unfinished == null ? null : NLS.bind(unfinished, components, record.failed()));
    }

    /** Whether {@code commit} is the project's {@code head}, in words. */
    private static String comparedTo(String commit, String head) {
        if (head == null || commit == null) {
            return DeployMessages.Records_headUnknown;
        }
        return head.equals(commit) ? DeployMessages.Records_atHead
                : NLS.bind(DeployMessages.Records_notHead, shortCommit(head));
    }

    private static String shortCommit(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
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
