import Dispatch

/// The one way a handler answers a request. It is `~Copyable` and both of its methods consume it, so the
/// compiler makes a second response impossible; a writer that goes out of scope unanswered answers
/// 500 `internal_error` from its `deinit`, so no request is ever left hanging.
public struct ResponseWriter: ~Copyable {
    // Unmanaged (a trivial type) so that `discard self` is allowed; retained once in `init`, released exactly
    // once by whichever of `write`, `offload` or `deinit` runs.
    private let context: Unmanaged<RequestContext>

    init(context: RequestContext) {
        self.context = Unmanaged.passRetained(context)
    }

    /// Answers now.
    public consuming func write(_ response: Response) {
        let context = self.context.takeRetainedValue()
        discard self
        context.complete(response)
    }

    /// Answers later: runs `work` on `executor` (never on an HTTP thread) and sends what it returns. The connection
    /// is suspended meanwhile, so slow work (password hashing, speech) never blocks other requests.
    public consuming func offload(on executor: some WorkExecutor, _ work: @escaping @Sendable () -> Response) {
        let context = self.context.takeRetainedValue()
        discard self
        context.markOffloaded()
        executor.execute { context.complete(work()) }
    }

    deinit {
        context.takeRetainedValue().complete(HTTPError.internalError().response)
    }
}
