/**
 * What the engine uses inside itself and no other bundle calls: the target's lock and state files
 * ({@link TargetLock}, {@link PendingChanges}, {@link SensitiveFiles}, {@link TargetPaths}), the line diff behind
 * {@code ChangeText} and the bounded JSON reader behind {@code DeployedRecord}. Exported {@code x-internal} only for
 * the tests of other bundles.
 */
package batou.engine.internal;
