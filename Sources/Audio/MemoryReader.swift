import CSndfile

/// An in-memory file for libsndfile's virtual I/O: uploads are decoded from memory and never touch the disk.
///
/// libsndfile calls the `@convention(c)` functions below with the `user_data` pointer `AudioDecoder` made from
/// `Unmanaged.passRetained(reader)`; the decoder releases it once after `sf_close` (or after a failed open).
final class MemoryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The callback table; the functions capture nothing and find their reader through `user_data`.
    static var virtualIO: SF_VIRTUAL_IO {
        SF_VIRTUAL_IO(get_filelen: memoryLength, seek: memorySeek, read: memoryRead, write: memoryWrite,
                      tell: memoryTell)
    }

    fileprivate var length: sf_count_t { sf_count_t(bytes.count) }

    fileprivate func seek(_ offset: sf_count_t, whence: Int32) -> sf_count_t {
        let base: Int
        switch whence {
        case SEEK_SET: base = 0
        case SEEK_CUR: base = position
        case SEEK_END: base = bytes.count
        default: return -1
        }
        let (target, overflow) = base.addingReportingOverflow(Int(offset))
        guard !overflow, target >= 0, target <= bytes.count else { return -1 }
        position = target
        return sf_count_t(position)
    }

    fileprivate func read(into destination: UnsafeMutableRawPointer, count: sf_count_t) -> sf_count_t {
        guard count > 0 else { return 0 }
        let available = min(Int(clamping: count), bytes.count - position)
        guard available > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            destination.copyMemory(from: source.baseAddress! + position, byteCount: available)
        }
        position += available
        return sf_count_t(available)
    }

    fileprivate var tell: sf_count_t { sf_count_t(position) }
}

private func reader(_ userData: UnsafeMutableRawPointer?) -> MemoryReader {
    Unmanaged<MemoryReader>.fromOpaque(userData!).takeUnretainedValue()
}

private func memoryLength(_ userData: UnsafeMutableRawPointer?) -> sf_count_t {
    reader(userData).length
}

private func memorySeek(_ offset: sf_count_t, _ whence: Int32, _ userData: UnsafeMutableRawPointer?) -> sf_count_t {
    reader(userData).seek(offset, whence: whence)
}

private func memoryRead(_ destination: UnsafeMutableRawPointer?, _ count: sf_count_t,
                        _ userData: UnsafeMutableRawPointer?) -> sf_count_t {
    guard let destination else { return 0 }
    return reader(userData).read(into: destination, count: count)
}

/// Read-only: a write is refused (libsndfile never writes in SFM_READ mode).
private func memoryWrite(_ source: UnsafeRawPointer?, _ count: sf_count_t,
                         _ userData: UnsafeMutableRawPointer?) -> sf_count_t {
    0
}

private func memoryTell(_ userData: UnsafeMutableRawPointer?) -> sf_count_t {
    reader(userData).tell
}
