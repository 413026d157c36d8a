import Dispatch

/// Where `ResponseWriter.offload` runs slow work: a DispatchQueue, or a `ThreadPool` when the work blocks
/// (fdatasync) and must not be limited by Dispatch's small pool of worker threads.
public protocol WorkExecutor: Sendable {
    func execute(_ work: @escaping @Sendable () -> Void)
}

extension DispatchQueue: WorkExecutor {
    public func execute(_ work: @escaping @Sendable () -> Void) {
        async(execute: work)
    }
}
