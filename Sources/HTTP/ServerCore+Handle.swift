import CMHD
import Foundation

extension ServerCore {
    /// The access handler's logic for one call. Runs on the connection's MHD thread.
    func handle(context: RequestContext, connection: OpaquePointer, path: String, methodText: String,
                uploadData: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>) -> MHD_Result {
        // 1. Headers call: route, size and preflight checks. Answering here skips the body on purpose.
        if !context.headersSeen {
            context.headersSeen = true
            // Logged: only printable ASCII, so a hostile method cannot put CR/LF or terminal escapes in the log.
            context.methodText = String(String.UnicodeScalarView(methodText.unicodeScalars.prefix(16).map {
                (0x21...0x7e).contains($0.value) ? $0 : "?"
            }))
            context.attach(connection)
            switch prepare(context: context, connection: connection, path: path, methodText: methodText) {
            case .reject(let error):
                return queue(error.response, context: context, connection: connection, path: path)
            case .proceed:
                // Mark and answer on a later call: answering on this one would cost the keep-alive.
                return MHD_Result.YES
            }
        }

        // 2. Body pieces.
        if uploadSize.pointee > 0 {
            let count = uploadSize.pointee
            guard let route = context.route, context.body.count + count <= route.bodyLimit, let uploadData else {
                // A chunked body grew past the limit: MHD cannot send a 413 mid-body; close the connection.
                logger.warning("request body over the route limit; connection closed",
                               metadata: ["request_id": .string(context.requestID),
                                          "route": .string(context.route?.pattern ?? "-")])
                return MHD_Result.NO
            }
            uploadData.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                context.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            }
            uploadSize.pointee = 0
            return MHD_Result.YES
        }

        // 3. After a resume: the offloaded work's response.
        if context.handlerStarted {
            guard let response = context.takeResponse() else { return MHD_Result.YES }
            return queue(response, context: context, connection: connection, path: path)
        }

        // 4. Whole body in: run the handler.
        context.handlerStarted = true
        guard let route = context.route, let head = context.head else { return MHD_Result.NO }
        if isDraining {
            return queue(HTTPError(503, "shutting_down", "The server is shutting down.").response,
                         context: context, connection: connection, path: path)
        }
        let request = Request(head: head, body: context.body, context: context.preflightContext)
        context.body = []
        route.handler(request, ResponseWriter(context: context))
        if let response = context.takeResponseOrSuspend() {
            return queue(response, context: context, connection: connection, path: path)
        }
        return MHD_Result.YES
    }

    private enum Preparation {
        case proceed
        case reject(HTTPError)
    }

    private func prepare(context: RequestContext, connection: OpaquePointer, path: String,
                         methodText: String) -> Preparation {
        guard let method = HTTPMethod(rawValue: methodText) else {
            return .reject(HTTPError(405, "method_not_allowed", "Method not allowed."))
        }
        if let problem = PathGuard.problem(rawURI: context.rawURI, decodedPath: path) {
            return .reject(HTTPError.invalidRequest(problem))
        }
        let headers = collect(connection, .HEADER_KIND)
        let queryPairs = collect(connection, .GET_ARGUMENT_KIND)
        var query: [String: String] = [:]
        for (key, value) in queryPairs where query[key] == nil { query[key] = value }

        let route: Route
        let parameters: [String: String]
        switch router.match(method, path) {
        case .found(let found, let bound):
            route = found
            parameters = bound
        case .methodNotAllowed(let allowed):
            var error = HTTPError(405, "method_not_allowed", "Method not allowed.")
            error.headers["Allow"] = allowed.map(\.rawValue).joined(separator: ", ")
            return .reject(error)
        case .notFound:
            return .reject(.notFound())
        }
        let head = RequestHead(method: method, path: path, rawURI: context.rawURI, headers: HTTPHeaders(headers),
                               query: query, remoteAddress: Self.clientAddress(connection),
                               requestID: context.requestID, parameters: parameters, routePattern: route.pattern)
        context.route = route
        context.head = head

        if let declared = head.headers["content-length"] {
            guard let length = Int(declared), length >= 0 else {
                return .reject(.invalidRequest("Content-Length is not a number."))
            }
            if length > route.bodyLimit { return .reject(.payloadTooLarge(limit: route.bodyLimit)) }
        }
        if let preflight = route.preflight {
            switch preflight(head) {
            case .reject(let error): return .reject(error)
            case .proceed(let attached): context.preflightContext = attached
            }
        }
        // The body arrives in pieces; growing the buffer piece by piece reallocates and copies it. Reserved only on
        // routes with a preflight (the authenticated ones), after it passed, and at most 64 KiB, so a declared
        // length that is never sent cannot make an anonymous client pin memory. Not for a chunked body: MHD 0.9.75
        // ignores Content-Length then, so the declared length says nothing about what will come.
        if route.preflight != nil, !head.headers.contains("transfer-encoding"),
           let length = head.headers["content-length"].flatMap(Int.init), length > 0 {
            context.body.reserveCapacity(min(length, route.bodyLimit, 64 * 1024))
        }
        return .proceed
    }

    private func collect(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(String, String)] {
        let box = FieldBox()
        let unmanaged = Unmanaged.passRetained(box)
        _ = MHD_get_connection_values(connection, kind, collectValuesCallback, unmanaged.toOpaque())
        unmanaged.release()
        return box.fields
    }

    private static func clientAddress(_ connection: OpaquePointer) -> String {
        guard let address = paramedic_mhd_client_address(connection) else { return "-" }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var addr = ipv4.pointee.sin_addr
                guard inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count)) != nil else { return "-" }
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                var addr = ipv6.pointee.sin6_addr
                guard inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count)) != nil else { return "-" }
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        default:
            return "-"
        }
    }

    /// Hands a response to MHD. Only valid on the headers call or after the whole body (MHD's rule).
    private func queue(_ response: Response, context: RequestContext, connection: OpaquePointer,
                       path: String) -> MHD_Result {
        var response = response
        SecurityHeaders.apply(to: &response.headers, path: path, requestID: context.requestID)
        let handle: OpaquePointer?
        switch response.body {
        case .bytes(let bytes):
            handle = bytes.withUnsafeBytes { buffer in
                MHD_create_response_from_buffer(buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress),
                                                .RESPMEM_MUST_COPY)
            }
        case .stream(let length, let stream):
            let box = Unmanaged.passRetained(StreamBox(stream: stream, logger: logger))
            handle = MHD_create_response_from_callback(length ?? UInt64.max, 64 * 1024, streamReaderCallback,
                                                       box.toOpaque(), streamFreeCallback)
            if handle == nil { box.release() }  // MHD did not take ownership
        }
        guard let handle else {
            logger.error("MHD could not create a response", metadata: ["request_id": .string(context.requestID)])
            return MHD_Result.NO
        }
        defer { MHD_destroy_response(handle) }
        for (name, value) in response.headers {
            guard MHD_add_response_header(handle, name, value) == MHD_Result.YES else {
                logger.error("MHD refused a response header", metadata: ["header": .string(name)])
                return MHD_Result.NO
            }
        }
        context.status = response.status
        return MHD_queue_response(connection, UInt32(response.status), handle)
    }
}
