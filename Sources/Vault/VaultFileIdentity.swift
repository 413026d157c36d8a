import Foundation

/// The immutable identity of one vault file: which recording it belongs to and what it holds. Both are bound into
/// every segment's associated data; a file read under another identity fails authentication.
public struct VaultFileIdentity: Sendable, Hashable {
    public let recordingID: UUID
    public let fileType: VaultFileType

    public init(recordingID: UUID, fileType: VaultFileType) {
        self.recordingID = recordingID
        self.fileType = fileType
    }

    /// The 16 bytes of the UUID in RFC 9562 order.
    var recordingIDBytes: [UInt8] {
        withUnsafeBytes(of: recordingID.uuid) { Array($0) }
    }
}
