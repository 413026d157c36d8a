import HTTP
import Vault

/// Streams a vault file to the client: an optional prefix (the WAV header built on the fly), then each segment's
/// plaintext as the reader authenticates it. A segment that fails authentication throws, which cuts the
/// connection; no unauthenticated byte is ever sent.
final class VaultDownloadStream: ResponseStream, @unchecked Sendable {
    // Safety: MHD calls `next` for one response from one thread at a time; the state is private to it.
    private let reader: VaultReader
    private var pending: [UInt8]
    private var done = false

    init(reader: VaultReader, prefix: [UInt8]) {
        self.reader = reader
        self.pending = prefix
    }

    deinit { reader.close() }

    func next(maxBytes: Int) throws -> [UInt8] {
        while pending.isEmpty && !done {
            if let chunk = try reader.next() {
                pending = chunk
            } else {
                done = true
                reader.close()
            }
        }
        let piece = Array(pending.prefix(maxBytes))
        pending.removeFirst(piece.count)
        return piece
    }
}
