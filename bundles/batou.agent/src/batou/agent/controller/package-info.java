/**
 * The controller's side of the agent, the only package of this bundle that others use: {@link AgentJar} builds the
 * jar that runs on targets, {@link AgentHostSession} deploys a host's roots through it over any {@link AgentChannel},
 * {@link ProjectFiles} gathers the project files a host needs, and {@link AgentEnd} says why an agent ended before it
 * answered. Nothing here runs on a target host.
 */
package batou.agent.controller;
