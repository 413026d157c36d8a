import Foundation

/// The data directory: keys/ (0700), output/ (0700), the database (0600), the audit head file (0600).
///
/// On start the directories are created, or tightened to 0700 while they hold no key (a fresh clone has 0755).
/// The product refuses to start when a key file, or a keys/ that holds keys, is readable by others: a key that
/// may already have leaked is not silently "fixed".
public struct DataDirectory: Sendable {
    public let root: String
    public var keys: String { root + "/keys" }
    public var output: String { root + "/output" }
    public var database: String { root + "/paramedic.db" }
    public var auditHead: String { root + "/keys/audit.head" }

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// Creates or tightens the layout. Throws `insecurePermissions` for exposed keys.
    public func prepare() throws {
        try ensureDirectory(root, mode: nil)
        try ensureDirectory(output, mode: 0o700)
        try ensureKeysDirectory()
    }

    private func ensureKeysDirectory() throws {
        if !FileManager.default.fileExists(atPath: keys) {
            try ensureDirectory(keys, mode: 0o700)
            return
        }
        let keyFiles = try keyFileNames()
        var info = stat()
        guard stat(keys, &info) == 0 else { throw AppError(.io, "cannot stat \(keys): errno \(errno)") }
        let exposed = (info.st_mode & 0o077) != 0
        if exposed && !keyFiles.isEmpty {
            throw AppError(.insecurePermissions,
                           "\(keys) holds keys and is accessible by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                           + "run: chmod 700 \(keys) after checking the keys have not leaked, or rotate them")
        }
        if exposed { try chmodChecked(keys, 0o700) }
        for name in keyFiles {
            let path = keys + "/" + name
            guard stat(path, &info) == 0 else { throw AppError(.io, "cannot stat \(path): errno \(errno)") }
            if (info.st_mode & 0o077) != 0 {
                throw AppError(.insecurePermissions,
                               "key file \(path) is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                               + "refusing to start: rotate the key and chmod 600 it")
            }
        }
    }

    /// Files in keys/ other than the README and .gitignore that come from git.
    private func keyFileNames() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: keys)
        return names.filter { $0 != "README.md" && $0 != ".gitignore" && $0 != ".gitkeep" }
    }

    private func ensureDirectory(_ path: String, mode: mode_t?) throws {
        if mkdir(path, mode ?? 0o755) != 0 && errno != EEXIST {
            throw AppError(.io, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        if let mode {
            var info = stat()
            guard stat(path, &info) == 0 else { throw AppError(.io, "cannot stat \(path): errno \(errno)") }
            if (info.st_mode & 0o777) != mode { try chmodChecked(path, mode) }
        }
    }

    private func chmodChecked(_ path: String, _ mode: mode_t) throws {
        guard chmod(path, mode) == 0 else {
            throw AppError(.io, "cannot chmod \(path): \(String(cString: strerror(errno)))")
        }
    }
}
