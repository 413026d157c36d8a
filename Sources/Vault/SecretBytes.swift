#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Security

/// Key material in its own heap allocation, wiped when the last reference goes away.
///
/// `@unchecked Sendable`: the bytes are written only inside `init` (before the instance is shared) and are
/// read-only afterwards; `deinit` runs once no reference is left, so no thread can observe the wipe.
final class SecretBytes: @unchecked Sendable, CustomStringConvertible {
    private let storage: UnsafeMutableRawBufferPointer

    /// Copies `bytes`.
    init(copying bytes: UnsafeRawBufferPointer) {
        storage = .allocate(byteCount: max(bytes.count, 1), alignment: 16)
        storage.copyMemory(from: bytes)
        count = bytes.count
    }

    /// `count` bytes from the CSPRNG.
    init(randomCount: Int) throws {
        storage = .allocate(byteCount: max(randomCount, 1), alignment: 16)
        count = randomCount
        do {
            try SecureRandom.fill(UnsafeMutableRawBufferPointer(rebasing: storage[0..<randomCount]))
        } catch {
            storage.deallocate()
            throw error
        }
    }

    let count: Int

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    deinit {
        #if canImport(Glibc)
        explicit_bzero(storage.baseAddress!, storage.count)
        #else
        _ = memset_s(storage.baseAddress!, storage.count, 0, storage.count)
        #endif
        storage.deallocate()
    }

    var description: String { "SecretBytes(\(count) bytes, redacted)" }
}
