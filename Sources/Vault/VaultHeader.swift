/// The fixed 33-byte file header (format version 1). Its bytes are exactly the associated data of every segment.
///
///     offset size field
///          0    8 magic "PMRVAULT"
///          8    1 format version (1)
///          9    1 file type (VaultFileType raw value)
///         10   16 recording id (UUID bytes)
///         26    7 nonce prefix (random per file write)
struct VaultHeader: Equatable {
    static let magic: [UInt8] = Array("PMRVAULT".utf8)
    static let version: UInt8 = 1
    static let size = 33
    static let noncePrefixSize = 7

    let identity: VaultFileIdentity
    let noncePrefix: [UInt8]

    init(identity: VaultFileIdentity, noncePrefix: [UInt8]) {
        precondition(noncePrefix.count == Self.noncePrefixSize)
        self.identity = identity
        self.noncePrefix = noncePrefix
    }

    /// The serialized header, which is also the segments' associated data.
    var bytes: [UInt8] {
        var out = Self.magic
        out.append(Self.version)
        out.append(identity.fileType.rawValue)
        out += identity.recordingIDBytes
        out += noncePrefix
        return out
    }

    /// Parses a header and checks that it belongs to `expected`. A foreign magic, unknown type or different
    /// identity is `.integrity`; a newer version is `.unsupportedVersion`.
    static func parse(_ bytes: [UInt8], expected: VaultFileIdentity) throws -> VaultHeader {
        guard bytes.count == size else {
            throw VaultError(.truncated, operation: "header", detail: "file shorter than the header")
        }
        guard Array(bytes[0..<8]) == magic else {
            throw VaultError(.integrity, operation: "header", detail: "not a vault file")
        }
        guard bytes[8] == version else {
            throw VaultError(.unsupportedVersion, operation: "header", detail: "format version \(bytes[8])")
        }
        // Identity fields are not secret; compare them plainly. Every segment's tag covers them again.
        guard bytes[9] == expected.fileType.rawValue, Array(bytes[10..<26]) == expected.recordingIDBytes else {
            throw VaultError(.integrity, operation: "header",
                             detail: "file belongs to another recording or file type")
        }
        return VaultHeader(identity: expected, noncePrefix: Array(bytes[26..<33]))
    }
}
