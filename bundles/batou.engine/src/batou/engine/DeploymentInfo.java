package batou.engine;

/**
 * What a deployment run is, for the hosts' records: the environment, the project's commit (null outside git), who
 * runs it ({@code user@machine}) and its mode (a host sees {@link RunMode#DEPLOY} or {@link RunMode#PREDICT}).
 */
public record DeploymentInfo(String environment, String commit, String operator, RunMode mode) {

    public DeploymentInfo {
        java.util.Objects.requireNonNull(mode, "mode");
    }

    /** Whether the run only predicts: the hosts verify and change nothing. */
    public boolean predict() {
        return mode == RunMode.PREDICT;
    }

    /** {@code user@machine} of this process. */
    public static String currentOperator() {
        String machine;
        try {
            machine = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            machine = "localhost";
        }
        return System.getProperty("user.name") + "@" + machine;
    }
}
