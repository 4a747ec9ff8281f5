/// The version of Rota's integer program and of its tie-breaking: raised whenever a change can give a different
/// schedule for unchanged inputs, so that `rota check` calls committed schedules planned by an older model stale.
/// docs/model.md states the model this version stands for.
public enum ModelVersion {
    public static let current = "20"
}
