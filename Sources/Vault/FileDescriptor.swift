#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open POSIX file descriptor, closed in `deinit` if `close()` was not called. Every call checks its return
/// code, retries EINTR, and loops over short reads and writes.
final class FileDescriptor {
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// `open(2)` with `O_CLOEXEC` added, and `O_NOFOLLOW` for files (a vault file is never a symlink; the
    /// directory itself may be one). ENOENT maps to `.notFound`, EEXIST to `.alreadyExists`.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o600) throws -> FileDescriptor {
        let extra = flags & O_DIRECTORY != 0 ? O_CLOEXEC : O_CLOEXEC | O_NOFOLLOW
        while true {
            let fd = path.withCString { systemOpen($0, flags | extra, mode) }
            if fd >= 0 { return FileDescriptor(fd: fd) }
            let code = errno
            if code == EINTR { continue }
            throw Self.error("open", code)
        }
    }

    /// Writes all of `buffer` at `offset` (pwrite loop over short writes).
    func writeAll(_ buffer: UnsafeRawBufferPointer, at offset: Int64) throws {
        var done = 0
        while done < buffer.count {
            let rc = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + Int64(done)))
            if rc > 0 { done += rc; continue }
            if rc < 0 && errno == EINTR { continue }
            throw Self.error("pwrite", rc == 0 ? EIO : errno)
        }
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at end of file. Returns the count read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        var done = 0
        while done < buffer.count {
            let rc = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + Int64(done)))
            if rc > 0 { done += rc; continue }
            if rc == 0 { break }
            if errno == EINTR { continue }
            throw Self.error("pread", errno)
        }
        return done
    }

    /// Whether every byte from `offset` to the end of the file is zero (the zeros a growing file keeps ahead of
    /// its data; see `VaultAppender`).
    func isZero(from offset: Int64) throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        while true {
            let got = try buffer.withUnsafeMutableBytes { try read(into: $0, at: position) }
            if got == 0 { return true }
            if !buffer[..<got].allSatisfy({ $0 == 0 }) { return false }
            position += Int64(got)
        }
    }

    /// The file size from `fstat`.
    func size() throws -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.error("fstat", errno) }
        return Int64(info.st_size)
    }

    /// `ftruncate(2)`.
    func truncate(to length: Int64) throws {
        while ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw Self.error("ftruncate", errno)
        }
    }

    /// `fdatasync(2)` (`fsync` where fdatasync does not exist). Not retried after a failure other than EINTR:
    /// after a failed sync the kernel may have dropped the dirty pages, so the caller treats the data as lost.
    func syncData() throws {
        while true {
            #if os(Linux)
            let rc = fdatasync(fd)
            #else
            let rc = fsync(fd)
            #endif
            if rc == 0 { return }
            if errno == EINTR { continue }
            throw Self.error("fdatasync", errno)
        }
    }

    /// `fsync(2)` (used on directories).
    func sync() throws {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw Self.error("fsync", errno)
        }
    }

    /// Closes the descriptor and reports the result. Not retried on EINTR (on Linux the descriptor is released
    /// even then).
    func close() throws {
        guard fd >= 0 else { return }
        let rc = systemClose(fd)
        fd = -1
        if rc != 0 && errno != EINTR { throw Self.error("close", errno) }
    }

    deinit {
        if fd >= 0 { _ = systemClose(fd) }
    }

    static func error(_ operation: String, _ code: Int32) -> VaultError {
        switch code {
        case ENOENT: VaultError(.notFound, operation: operation, errno: code)
        case EEXIST: VaultError(.alreadyExists, operation: operation, errno: code)
        default: VaultError(.io, operation: operation, errno: code, detail: String(cString: strerror(code)))
        }
    }
}

private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}
