import Foundation

/// Whole-file writes that a crash cannot tear: write a temp file in the same directory with `mode`, fdatasync,
/// rename over the target, fsync the directory. Every return code is checked.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AppError(.io, "cannot create \(temp): \(String(cString: strerror(errno)))") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            defer { close(fd) }
            try writeAll(fd, bytes, path: temp)
            guard fchmod(fd, mode) == 0 else { throw AppError(.io, "fchmod \(temp): errno \(errno)") }
            guard fdatasync(fd) == 0 else { throw AppError(.io, "fdatasync \(temp): errno \(errno)") }
        }
        guard rename(temp, path) == 0 else { throw AppError(.io, "rename \(temp): errno \(errno)") }
        ok = true
        try syncDirectory(directory)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AppError(.io, "write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    static func syncDirectory(_ directory: String) throws {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw AppError(.io, "open \(directory): errno \(errno)") }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else { throw AppError(.io, "fsync \(directory): errno \(errno)") }
    }
}
