import CMHD
import Foundation

// MHD's C callbacks. Each is a non-capturing top-level function with the exact C signature; the shared
// `ServerCore` arrives as `cls` (passUnretained: the HTTPServer keeps it alive until MHD_stop_daemon returns) and
// the per-request `RequestContext` as `*con_cls` (passRetained in `uriLogCallback`, released exactly once in
// `requestCompletedCallback`, which MHD also calls for aborted requests).

/// MHD_OPTION_URI_LOG_CALLBACK: the first thing MHD calls for a request, with the raw, undecoded URI. Its return
/// value becomes the request's `*con_cls`.
let uriLogCallback: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
    -> UnsafeMutableRawPointer? = { cls, uri, _ in
    guard let cls else { return nil }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let raw = uri.map { String(cString: $0) } ?? ""
    let requestID = core.nextRequestID()
    let context = RequestContext(rawURI: raw, requestID: requestID, core: core)
    core.requestStarted()
    return Unmanaged.passRetained(context).toOpaque()
}

/// MHD_OPTION_NOTIFY_COMPLETED: the request is over (answered, failed or aborted).
let requestCompletedCallback: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?,
                                              UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                              MHD_RequestTerminationCode) -> Void = { _, _, conCls, termination in
    guard let conCls, let raw = conCls.pointee else { return }
    conCls.pointee = nil
    let context = Unmanaged<RequestContext>.fromOpaque(raw).takeRetainedValue()
    context.finish()
    context.core.requestFinished()
    let elapsed = ContinuousClock.now - context.started
    let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
    let status = termination == .REQUEST_TERMINATED_COMPLETED_OK ? context.status : 0
    // Route pattern, never the raw URI: query strings may carry identifiers that do not belong in logs.
    context.core.logger.info("request", metadata: [
        "request_id": .string(context.requestID),
        "method": .string(context.methodText),
        "route": .string(context.head?.routePattern ?? "-"),
        "status": .stringConvertible(status),
        "duration_us": .stringConvertible(micros),
        "outcome": .string(termination == .REQUEST_TERMINATED_COMPLETED_OK ? "ok" : "aborted"),
    ])
}

/// Collects header or query fields into a `[(String, String)]` box passed as `cls`.
let collectValuesCallback: @convention(c) (UnsafeMutableRawPointer?, MHD_ValueKind, UnsafePointer<CChar>?,
                                           UnsafePointer<CChar>?) -> MHD_Result = { cls, _, key, value in
    guard let cls, let key else { return MHD_Result.YES }
    let box = Unmanaged<FieldBox>.fromOpaque(cls).takeUnretainedValue()
    box.fields.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
    return MHD_Result.YES
}

final class FieldBox {
    var fields: [(String, String)] = []
}

/// MHD's access handler: called on the headers, once per uploaded piece, and once more at the end of the body
/// (and again after a resume).
let accessHandlerCallback: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?,
                                           UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                           UnsafeMutablePointer<Int>?,
                                           UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result = {
    cls, connection, url, method, _, uploadData, uploadSize, conCls in
    guard let connection, let conCls, let raw = conCls.pointee, let uploadSize else { return MHD_Result.NO }
    let context = Unmanaged<RequestContext>.fromOpaque(raw).takeUnretainedValue()
    let path = url.map { String(cString: $0) } ?? "/"
    let methodText = method.map { String(cString: $0) } ?? ""
    return context.core.handle(context: context, connection: connection, path: path, methodText: methodText,
                               uploadData: uploadData, uploadSize: uploadSize)
}

/// Streams a `ResponseStream` body. `cls` is a retained `StreamBox`, released by `streamFreeCallback`.
let streamReaderCallback: @convention(c) (UnsafeMutableRawPointer?, UInt64, UnsafeMutablePointer<CChar>?, Int)
    -> Int = { cls, _, buffer, max in
    guard let cls, let buffer, max > 0 else { return MHD_CONTENT_READER_END_WITH_ERROR }
    let box = Unmanaged<StreamBox>.fromOpaque(cls).takeUnretainedValue()
    do {
        let piece = try box.stream.next(maxBytes: max)
        if piece.isEmpty { return MHD_CONTENT_READER_END_OF_STREAM }
        precondition(piece.count <= max, "ResponseStream returned more than maxBytes")
        piece.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        return piece.count
    } catch {
        box.logger.error("response stream failed; connection cut", metadata: ["error": "\(type(of: error))"])
        return MHD_CONTENT_READER_END_WITH_ERROR
    }
}

let streamFreeCallback: @convention(c) (UnsafeMutableRawPointer?) -> Void = { cls in
    guard let cls else { return }
    Unmanaged<StreamBox>.fromOpaque(cls).release()
}

final class StreamBox {
    let stream: ResponseStream
    let logger: Logging.Logger
    init(stream: ResponseStream, logger: Logging.Logger) {
        self.stream = stream
        self.logger = logger
    }
}

import Logging
