import CALSA
import Glibc
import Synchronization

/// One open ALSA capture PCM and the loop that reads it. Owned by `ALSACapture`; the capture thread holds a
/// retained reference (Unmanaged, released when the thread function returns).
///
/// Thread use: `configure` runs in `ALSACapture.init`; from `ALSACapture.start` until the thread is joined, ONLY
/// the capture thread touches `pcm`; `close` runs after the join (or in deinit). `stopRequested` and
/// `overrunCount` are atomics read by other threads.
final class CaptureSession: @unchecked Sendable {
    private var pcm: OpaquePointer?
    let periodFrames: Int
    let stopRequested = Atomic<Bool>(false)
    let overrunCount = Atomic<Int>(0)
    var onSamples: (@Sendable ([Int16]) -> Void)?
    var onEnd: (@Sendable (AudioError?) -> Void)?

    /// Opens `device` for capture and sets S16_LE, mono, `sampleRate` exactly, and a period near `periodFrames`.
    init(device: String, sampleRate: Int, periodFrames requested: Int) throws {
        var handle: OpaquePointer?
        try checkALSA(snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0), "snd_pcm_open")
        guard let handle else { throw AudioError(.captureFailed, operation: "snd_pcm_open", detail: "no handle") }
        pcm = handle
        // From here on a throw leaves `pcm` set, and deinit closes it.
        var params: OpaquePointer?
        try checkALSA(snd_pcm_hw_params_malloc(&params), "snd_pcm_hw_params_malloc")
        defer { snd_pcm_hw_params_free(params) }
        try checkALSA(snd_pcm_hw_params_any(handle, params), "snd_pcm_hw_params_any")
        try checkALSA(snd_pcm_hw_params_set_access(handle, params, SND_PCM_ACCESS_RW_INTERLEAVED),
                  "snd_pcm_hw_params_set_access")
        try checkALSA(snd_pcm_hw_params_set_format(handle, params, SND_PCM_FORMAT_S16_LE), "snd_pcm_hw_params_set_format")
        try checkALSA(snd_pcm_hw_params_set_channels(handle, params, 1), "snd_pcm_hw_params_set_channels")
        var rate = UInt32(sampleRate)
        var direction: Int32 = 0
        try checkALSA(snd_pcm_hw_params_set_rate_near(handle, params, &rate, &direction), "snd_pcm_hw_params_set_rate_near")
        guard rate == UInt32(sampleRate) else {
            throw AudioError(.captureFailed, operation: "snd_pcm_hw_params_set_rate_near",
                             detail: "device offers \(rate) Hz, not \(sampleRate) Hz (use a plug: device)")
        }
        var period = snd_pcm_uframes_t(requested)
        try checkALSA(snd_pcm_hw_params_set_period_size_near(handle, params, &period, &direction),
                  "snd_pcm_hw_params_set_period_size_near")
        var buffer = period * 4
        try checkALSA(snd_pcm_hw_params_set_buffer_size_near(handle, params, &buffer),
                  "snd_pcm_hw_params_set_buffer_size_near")
        try checkALSA(snd_pcm_hw_params(handle, params), "snd_pcm_hw_params")
        try checkALSA(snd_pcm_hw_params_get_period_size(params, &period, &direction), "snd_pcm_hw_params_get_period_size")
        guard period > 0 else { throw AudioError(.captureFailed, operation: "snd_pcm_hw_params", detail: "period 0") }
        periodFrames = Int(period)
        try checkALSA(snd_pcm_prepare(handle), "snd_pcm_prepare")
    }

    deinit {
        if let pcm { snd_pcm_close(pcm) }
    }

    /// Closes the PCM; called after the capture thread was joined. Idempotent.
    func close() throws {
        guard let pcm else { return }
        self.pcm = nil
        try checkALSA(snd_pcm_close(pcm), "snd_pcm_close")
    }

    /// The capture thread's body: read periods until stopped, end of input or an unrecoverable error; on stop,
    /// drain and hand over the residual frames. Calls `onEnd` exactly once.
    func run() {
        var ending: AudioError?
        do {
            try readLoop()
        } catch let error as AudioError {
            ending = error
        } catch {
            ending = AudioError(.captureFailed, operation: "capture", detail: "\(error)")
        }
        onEnd?(ending)
    }

    private func readLoop() throws {
        guard let pcm else { return }
        var buffer = [Int16](repeating: 0, count: periodFrames)
        while !stopRequested.load(ordering: .acquiring) {
            let result = buffer.withUnsafeMutableBytes {
                snd_pcm_readi(pcm, $0.baseAddress, snd_pcm_uframes_t(periodFrames))
            }
            if result > 0 {
                onSamples?(Array(buffer[0..<result]))
                continue
            }
            if result == 0 { return }  // End of input (the `file` plugin's infile is exhausted).
            try recover(pcm, Int32(result))
        }
        try drainResidual(pcm, buffer: &buffer)
    }

    /// Handles a negative readi result: overrun, suspend, interruption, no data yet; anything else throws.
    private func recover(_ pcm: OpaquePointer, _ error: Int32) throws {
        switch -error {
        case EPIPE:  // Overrun: the application was too slow; samples were lost, restart the stream.
            overrunCount.add(1, ordering: .relaxed)
            try checkALSA(snd_pcm_prepare(pcm), "snd_pcm_prepare")
        case ESTRPIPE:  // Suspended (system sleep): wait for resume, or re-prepare when the driver cannot.
            var status = snd_pcm_resume(pcm)
            while status == -EAGAIN {
                try checkALSA(snd_pcm_wait(pcm, 100), "snd_pcm_wait")
                status = snd_pcm_resume(pcm)
            }
            if status < 0 { try checkALSA(snd_pcm_prepare(pcm), "snd_pcm_prepare") }
        case EAGAIN:
            let ready = snd_pcm_wait(pcm, 100)
            if ready < 0 && ready != -EPIPE { try checkALSA(ready, "snd_pcm_wait") }
        case EINTR:
            return
        default:
            try checkALSA(error, "snd_pcm_readi")
        }
    }

    /// Stops the stream and delivers the frames already captured but not yet read.
    private func drainResidual(_ pcm: OpaquePointer, buffer: inout [Int16]) throws {
        try checkALSA(snd_pcm_nonblock(pcm, 1), "snd_pcm_nonblock")
        try checkALSA(snd_pcm_drain(pcm), "snd_pcm_drain")
        while true {
            let result = buffer.withUnsafeMutableBytes {
                snd_pcm_readi(pcm, $0.baseAddress, snd_pcm_uframes_t(periodFrames))
            }
            guard result > 0 else { return }  // Empty (-EAGAIN), stopped (-EBADFD) or end of input (0).
            onSamples?(Array(buffer[0..<result]))
        }
    }
}

/// Maps a negative ALSA return to `AudioError(.captureFailed)` with `snd_strerror`'s text.
@discardableResult
func checkALSA<T: BinaryInteger>(_ result: T, _ operation: String) throws -> T {
    guard result >= 0 else {
        let message = snd_strerror(Int32(result)).map { String(cString: $0) } ?? "error \(result)"
        throw AudioError(.captureFailed, operation: operation, detail: message)
    }
    return result
}
