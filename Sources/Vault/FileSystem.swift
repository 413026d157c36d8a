#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directory-level system calls the vault needs, each checked and mapped to `VaultError`.
enum FileSystem {
    /// `rename(2)`: atomically replaces `to` with `from` (same directory).
    static func rename(_ from: String, to: String) throws {
        let rc = from.withCString { source in to.withCString { target in systemRename(source, target) } }
        guard rc == 0 else { throw FileDescriptor.error("rename", errno) }
    }

    /// `unlink(2)`.
    static func unlink(_ path: String) throws {
        let rc = path.withCString { systemUnlink($0) }
        guard rc == 0 else { throw FileDescriptor.error("unlink", errno) }
    }

    /// `fsync(2)` on a directory, making a create, rename or unlink in it durable.
    static func syncDirectory(_ path: String) throws {
        let directory = try FileDescriptor.open(path, flags: O_RDONLY | O_DIRECTORY)
        try directory.sync()
        try directory.close()
    }

    /// The names in a directory (without `.` and `..`).
    static func names(in path: String) throws -> [String] {
        guard let stream = path.withCString({ opendir($0) }) else { throw FileDescriptor.error("opendir", errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw FileDescriptor.error("readdir", errno) }
                return names
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }
}

private func systemRename(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 {
    rename(from, to)
}

private func systemUnlink(_ path: UnsafePointer<CChar>) -> Int32 {
    unlink(path)
}
