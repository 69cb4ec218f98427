/**
 * The controller's operations, UI-free, as EGit keeps its {@code core.op}: {@link batou.ssh.operation.DeployOperation}
 * (deploy, predict or only configure one environment) and {@link batou.ssh.operation.StatusOperation} (what each host
 * last received). The command line, the workbench and the tests run these classes and nothing else: they only parse
 * arguments and show progress. Here, and only here, the order of a deployment is decided.
 */
package batou.ssh.operation;
