import CSampleRate

/// Streaming sample-rate conversion of mono audio with libsamplerate (sinc, medium quality), e.g. browser chunks
/// at 44.1 or 48 kHz to the canonical 16 kHz. The filter state carries over between `process` calls, so chunk
/// borders leave no clicks or gaps.
///
/// Not thread-safe: one instance per stream, used by one thread at a time (keep it behind the stream's lock).
public final class Resampler {
    /// Input rate in Hz.
    public let inputRate: Int
    /// Output rate in Hz.
    public let outputRate: Int
    private let state: OpaquePointer
    private let ratio: Double
    private var inputBuffer: [Float] = []
    private var outputBuffer: [Float] = []
    /// A valid, never-read input address for flush calls with no input.
    private let emptyInput = UnsafeMutablePointer<Float>.allocate(capacity: 1)

    /// Creates a converter from `inputRate` to `outputRate` (both 1 Hz … 768 kHz, ratio within 1/256 … 256).
    public init(inputRate: Int, outputRate: Int = 16_000) throws {
        let ratio = Double(outputRate) / Double(inputRate)
        guard inputRate > 0, outputRate > 0, inputRate <= 768_000, outputRate <= 768_000,
              src_is_valid_ratio(ratio) != 0
        else {
            throw AudioError(.resampleFailed, operation: "src_is_valid_ratio", detail: "\(inputRate) → \(outputRate) Hz")
        }
        var error: Int32 = 0
        guard let state = src_new(Int32(SRC_SINC_MEDIUM_QUALITY), 1, &error) else {
            throw Self.error("src_new", error)
        }
        self.state = state
        self.ratio = ratio
        self.inputRate = inputRate
        self.outputRate = outputRate
    }

    deinit {
        src_delete(state)
        emptyInput.deallocate()
    }

    /// Converts the next chunk. Pass `endOfInput: true` with the last chunk (it may be empty) to flush the
    /// filter's tail; the resampler then resets and can take a new stream.
    public func process(_ samples: [Int16], endOfInput: Bool) throws -> [Int16] {
        inputBuffer.removeAll(keepingCapacity: true)
        inputBuffer.reserveCapacity(samples.count)
        for sample in samples { inputBuffer.append(Float(sample) / 32_768) }
        var output: [Float] = []
        try inputBuffer.withUnsafeBufferPointer { input in
            try process(input, endOfInput: endOfInput, into: &output)
        }
        return SampleConversion.int16(from: output)
    }

    /// Float core shared with `AudioDecoder`: appends converted samples (normalized to ±1) to `output`.
    func process(_ input: UnsafeBufferPointer<Float>, endOfInput: Bool, into output: inout [Float]) throws {
        var consumed = 0
        while true {
            let remaining = input.count - consumed
            let capacity = max(256, Int((Double(remaining) * ratio).rounded(.up)) + 64)
            if outputBuffer.count < capacity { outputBuffer = [Float](repeating: 0, count: capacity) }
            let (used, generated) = try outputBuffer.withUnsafeMutableBufferPointer { out in
                var data = SRC_DATA()
                // Never nil: libsamplerate skips its end-of-input flush when data_in is NULL, losing the tail.
                data.data_in = remaining > 0 ? input.baseAddress! + consumed : UnsafePointer(emptyInput)
                data.input_frames = remaining
                data.data_out = out.baseAddress
                data.output_frames = out.count
                data.end_of_input = endOfInput ? 1 : 0
                data.src_ratio = ratio
                let status = src_process(state, &data)
                guard status == 0 else { throw Self.error("src_process", status) }
                return (Int(data.input_frames_used), Int(data.output_frames_gen))
            }
            output.append(contentsOf: outputBuffer[0..<generated])
            consumed += used
            // Without end of input, stop once the input is used up; at the end, drain until nothing comes out.
            if consumed >= input.count && (!endOfInput || generated == 0) { break }
            if used == 0 && generated == 0 { break }
        }
        if endOfInput {
            let status = src_reset(state)
            guard status == 0 else { throw Self.error("src_reset", status) }
        }
    }

    private static func error(_ operation: String, _ code: Int32) -> AudioError {
        let message = src_strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return AudioError(.resampleFailed, operation: operation, detail: message)
    }
}
