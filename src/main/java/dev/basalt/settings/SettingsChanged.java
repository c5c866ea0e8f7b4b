package dev.basalt.settings;

/**
 * Published on a node when the settings may have changed: after a save on this node, when another node's save is
 * announced over the cluster, and after a restore. Listeners that derive state from the settings (the scheduled
 * backup job) re-read {@link SettingsStore#current()}.
 */
public record SettingsChanged() {
}
