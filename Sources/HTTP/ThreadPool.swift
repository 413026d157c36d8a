import Foundation

/// A fixed pool of threads for BLOCKING work (each chunk ends in an fdatasync of several milliseconds). Blocked
/// threads cost only memory, and concurrent flushes on different files are batched by the disk, so many threads
/// raise throughput where Dispatch would cap the number of blocked workers. Jobs run in FIFO order.
///
/// `@unchecked Sendable`: `jobs` and `stopping` are only touched with `condition` held.
public final class ThreadPool: WorkExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopping = false

    public init(name: String, threads: Int, stackSize: Int = 256 * 1024) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in run() }
            thread.name = "\(name).\(index)"
            thread.stackSize = stackSize
            thread.start()
        }
    }

    public func execute(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(work)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the queued jobs and exit.
    public func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
