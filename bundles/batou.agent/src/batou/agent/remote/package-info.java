/**
 * The target host's side of the agent, what runs inside {@code agent-<sha256>.jar} on each host: {@link AgentMain} (its
 * main class: one session on stdin/stdout, or a {@link LingeringAgent} on a Unix socket), {@link AgentSession} (one
 * deployment: lock, file store, project tree, roots). Not exported: the controller talks to it only through
 * {@code batou.agent.protocol}.
 */
package batou.agent.remote;
