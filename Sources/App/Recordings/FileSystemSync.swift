import CLinux
import Foundation

/// `syncfs(2)` on the file system holding a directory: flushes every file written there (all recordings' pending
/// appends of one group-commit batch) in one call, and reports write-back errors (Linux ≥ 5.8).
///
/// `@unchecked Sendable`: the descriptor is opened once and only read afterwards; syncfs is thread-safe.
final class FileSystemSync: @unchecked Sendable {
    private let descriptor: Int32
    private let directory: String

    init(directory: String) {
        self.directory = directory
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func sync() throws {
        guard descriptor >= 0 else { throw AppError(.io, "cannot open \(directory) for syncfs") }
        guard paramedic_syncfs(descriptor) == 0 else {
            throw AppError(.io, "syncfs \(directory): \(String(cString: strerror(errno)))")
        }
    }
}
