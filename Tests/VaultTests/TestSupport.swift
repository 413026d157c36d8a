import Foundation
import Testing
import Vault

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/vault-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// The on-disk layout re-derived independently of the implementation (docs/VAULT-FORMAT.md): a 33-byte header,
/// then segments of length (4, big-endian) ‖ ciphertext ‖ tag (16). A file still being appended to ends in zeros
/// written ahead of its data: an all-zero 20-byte "segment" (length 0, zero tag) is where those start.
enum Layout {
    static let headerSize = 33

    static func segments(_ file: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = headerSize
        while offset + 4 <= file.count {
            let length = Int(file[offset]) << 24 | Int(file[offset + 1]) << 16 | Int(file[offset + 2]) << 8
                | Int(file[offset + 3])
            let end = offset + 4 + length + 16
            guard end <= file.count else { break }
            if length == 0 && file[offset..<end].allSatisfy({ $0 == 0 }) { break }
            ranges.append(offset..<end)
            offset = end
        }
        return ranges
    }
}

/// Deterministic, recognizable test content (never random, so failures reproduce).
func pattern(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ ($0 >> 8)) }
}

func hex(_ string: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = string.startIndex
    while index < string.endIndex {
        let next = string.index(index, offsetBy: 2)
        bytes.append(UInt8(string[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}

func identity(_ type: VaultFileType = .recording, _ id: UUID = UUID()) -> VaultFileIdentity {
    VaultFileIdentity(recordingID: id, fileType: type)
}

/// Expects `body` to throw a `VaultError` with `code`.
func expectVaultError(_ code: VaultError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected VaultError(\(code)), nothing thrown", sourceLocation: sourceLocation)
    } catch let error as VaultError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected VaultError(\(code)), got \(error)", sourceLocation: sourceLocation)
    }
}
