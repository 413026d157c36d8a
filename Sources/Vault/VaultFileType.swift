/// What a vault file holds. The raw value is written in the header and bound into every segment's associated
/// data, so a transcript can never be read back as a report. Values 5...255 are free for later types (edited
/// versions, exports).
public enum VaultFileType: UInt8, Sendable, Hashable, CaseIterable {
    case recording = 1
    case transcript = 2
    case analysis = 3
    case report = 4
}
