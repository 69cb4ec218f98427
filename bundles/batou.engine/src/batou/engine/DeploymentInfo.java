package batou.engine;

/**
 * What a deployment run is, for the hosts' records: the environment, the project's commit (null outside git), who
 * runs it ({@code user@machine}) and whether it only predicts.
 */
public record DeploymentInfo(String environment, String commit, String operator, boolean predict) {

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
