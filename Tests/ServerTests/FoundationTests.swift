import App
import Foundation
import Testing

/// Issue 2 over real loopback HTTP: routing, the error contract, body limits, security headers, concurrency.
@Suite struct FoundationTests {
    /// Asserts the three headers every response carries.
    static func expectSecurityHeaders(_ response: HTTPResult, api: Bool,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.header("X-Content-Type-Options") == "nosniff", sourceLocation: sourceLocation)
        #expect(response.header("Referrer-Policy") == "no-referrer", sourceLocation: sourceLocation)
        #expect(response.header("X-Frame-Options") == "DENY", sourceLocation: sourceLocation)
        if api { #expect(response.header("Cache-Control") == "no-store", sourceLocation: sourceLocation) }
    }

    /// Asserts the error contract: status, JSON content type, `{"error":{"code","message"}}`.
    static func expectError(_ response: HTTPResult, _ status: Int, _ code: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, "\(response)", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        #expect(response.errorCode == code, "\(response)", sourceLocation: sourceLocation)
        let error = response.json?["error"] as? [String: Any]
        #expect((error?["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func healthAnswersOKWithSecurityHeaders() throws {
        let server = try TestServer()
        let response = try server.request("GET", "/healthz")
        #expect(response.status == 200)
        #expect(response.json?["status"] as? String == "ok")
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
        Self.expectSecurityHeaders(response, api: true)
        #expect(response.header("X-Request-Id")?.isEmpty == false)

        let head = try server.request("HEAD", "/healthz")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try TestServer()
        let connection = try RawConnection(port: server.port)
        for _ in 0..<5 {
            try connection.send(RawHTTP.encode("GET", "/healthz"))
            let response = try connection.readResponse()
            #expect(response.status == 200)
        }
    }

    @Test func unknownRouteIs404JSON() throws {
        let server = try TestServer()
        for target in ["/api/nope", "/api/users/1/nope", "/api/me/", "/nope-without-static"] {
            let response = try server.request("GET", target)
            Self.expectError(response, 404, "not_found")
            Self.expectSecurityHeaders(response, api: target.hasPrefix("/api"))
        }
        // A POST to an unknown path is 404 as well, without the body being needed.
        Self.expectError(try server.request("POST", "/api/nope", body: Array("{}".utf8)), 404, "not_found")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let server = try TestServer()
        let delete = try server.request("DELETE", "/healthz")
        Self.expectError(delete, 405, "method_not_allowed")
        #expect(delete.header("Allow")?.contains("GET") == true)
        let put = try server.request("PUT", "/api/auth/login", headers: ["Content-Type": "application/json"],
                                     body: Array("{}".utf8))
        Self.expectError(put, 405, "method_not_allowed")
        #expect(put.header("Allow")?.contains("POST") == true)
        Self.expectSecurityHeaders(put, api: true)
        // A method the server does not know at all.
        Self.expectError(try server.request("BREW", "/healthz"), 405, "method_not_allowed")
    }

    @Test func malformedJSONIs400InvalidJSON() throws {
        let server = try TestServer()
        for body in [#"{"username":"#, "not json", "{'username':'a'}", #"{"a":1}}"#, "\u{1}", ""] {
            let response = try server.request("POST", "/api/auth/login", headers: ["Content-Type": "application/json"],
                                              body: Array(body.utf8))
            Self.expectError(response, 400, "invalid_json")
        }
        // A trailing comma is not JSON (RFC 8259; Foundation's parser would accept it), nor are duplicate names
        // (a second "username" would silently win), trailing content, or invalid UTF-8.
        for body in [#"{"username":"a","password":"b","session_id":"c",}"#,
                     #"{"username":"a","username":"admin","password":"b","session_id":"c"}"#,
                     #"{"username":"a","password":"b","session_id":"c"} {}"#,
                     #"{"username":"a","password":"b","session_id":"c"}x"#] {
            let response = try server.request("POST", "/api/auth/login", headers: ["Content-Type": "application/json"],
                                              body: Array(body.utf8))
            Self.expectError(response, 400, "invalid_json")
        }
        let badUTF8 = try server.request("POST", "/api/auth/login", headers: ["Content-Type": "application/json"],
                                         body: Array(#"{"username":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        Self.expectError(badUTF8, 400, "invalid_json")
        // Valid JSON of the wrong shape is invalid_request, not a crash or a 500.
        let shape = try server.json("POST", "/api/auth/login", ["username": 5])
        Self.expectError(shape, 400, "invalid_request")
        let array = try server.request("POST", "/api/auth/login", headers: ["Content-Type": "application/json"],
                                       body: Array("[1,2,3]".utf8))
        Self.expectError(array, 400, "invalid_request")
    }

    @Test func wrongContentTypeIs415() throws {
        let server = try TestServer()
        let body = Array(#"{"username":"admin","password":"x","session_id":"y"}"#.utf8)
        for type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx"] {
            let response = try server.request("POST", "/api/auth/login", headers: ["Content-Type": type], body: body)
            Self.expectError(response, 415, "unsupported_media_type")
        }
        // No Content-Type at all.
        Self.expectError(try server.request("POST", "/api/auth/login", body: body), 415, "unsupported_media_type")
        // Parameters after the media type are fine.
        let charset = try server.request("POST", "/api/auth/login",
                                         headers: ["Content-Type": "application/json; charset=utf-8"],
                                         body: Array(#"{"username":"nobody1","password":"x","session_id":"bad"}"#.utf8))
        Self.expectError(charset, 400, "invalid_session_id")
    }

    /// A 3 MiB Content-Length is refused on the headers: 413 arrives although not one byte of the body was sent,
    /// and the server then closes the connection instead of holding it open for a body it will not read.
    @Test func oversizedContentLengthIs413WithoutReadingTheBody() throws {
        let server = try TestServer()
        for target in ["/api/auth/login", "/api/users"] {
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send("POST \(target) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: \(3 * 1024 * 1024)\r\n\r\n")
            let response = try connection.readResponse()
            // /api/users needs a token too: the size alone refuses it, before authentication and the body.
            Self.expectError(response, 413, "payload_too_large")
            Self.expectSecurityHeaders(response, api: true)
            #expect(try connection.waitForClose(), "the connection is closed, not held for the body")
        }
        // The server is fine afterwards.
        #expect(try server.request("GET", "/healthz").status == 200)
    }

    /// A chunked body (no Content-Length) that grows past the route's limit is cut: the connection is closed and
    /// no handler answer arrives.
    @Test func chunkedBodyPastTheLimitIsCut() throws {
        let server = try TestServer()
        let connection = try RawConnection(port: server.port, timeout: 5)
        try connection.send("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
        let piece = [UInt8](repeating: UInt8(ascii: " "), count: 8 * 1024)
        var sendFailed = false
        for _ in 0..<64 {  // 512 KiB against a 16 KiB limit
            do {
                try connection.send(Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8))
            } catch {
                sendFailed = true
                break
            }
        }
        if !sendFailed {
            // Whatever arrives must not be an answer from the handler, and the connection must end.
            do {
                let response = try connection.readResponse()
                #expect(response.status >= 400, "a body past the limit was accepted: \(response)")
                #expect(try connection.waitForClose())
            } catch let error as ClientError {
                #expect(error.code == .closed, "\(error)")
            }
        }
        #expect(try server.request("GET", "/healthz").status == 200)
        #expect(server.logs.all.contains { $0.contains("over the route limit") }, "the cut is logged")
    }

    @Test func twoHundredParallelRequestsAreAllAnswered() throws {
        let server = try TestServer()
        // 200 connections open at once, each with a request in flight before any response is read.
        var connections: [RawConnection] = []
        for _ in 0..<200 { connections.append(try RawConnection(port: server.port, timeout: 20)) }
        for (index, connection) in connections.enumerated() {
            let target = index % 2 == 0 ? "/healthz" : "/api/me"
            try connection.send(RawHTTP.encode("GET", target))
        }
        var statuses: [Int: Int] = [:]
        for connection in connections { statuses[try connection.readResponse().status, default: 0] += 1 }
        #expect(statuses == [200: 100, 401: 100])

        // And from 200 threads at once, each its own connection.
        let port = server.port
        let answered = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            if let response = try? RawHTTP.request(port: port, "GET", "/healthz", timeout: 20), response.status == 200 {
                answered.mutate { $0 += 1 }
            }
        }
        #expect(answered.value == 200)
    }

    /// Request logs carry method, route, status, duration and request id, and never a token or a password —
    /// not even a token smuggled into the query string.
    @Test func logsCarryNoSecrets() throws {
        let server = try TestServer()
        try server.addUser("logpara", role: "paramedic")
        let session = try server.session("logpara")
        #expect(try server.me(session.access).status == 200)
        _ = try server.request("GET", "/api/me?access_token=\(session.access)&password=\(userPassword)")
        _ = try server.json("POST", "/api/auth/refresh", ["refresh_token": session.refresh])
        _ = try server.login("logpara", "Wrong-Password-0000")
        let lines = server.logs.all
        #expect(lines.contains { $0.contains("route=/api/me") && $0.contains("status=200") && $0.contains("request_id=") })
        for line in lines {
            #expect(!line.contains(session.access), "token in log: \(line)")
            #expect(!line.contains(session.refresh), "refresh token in log")
            #expect(!line.contains(userPassword), "password in log")
            #expect(!line.contains("Wrong-Password-0000"), "password in log")
            #expect(!line.contains(server.initialAdminPassword), "admin password in log")
        }
    }
    /// Nothing a client sends can put control characters (CR, LF, ANSI escapes) into the server's log lines.
    @Test func hostileRequestsCannotInjectIntoLogs() throws {
        let server = try TestServer()
        let requests = ["G\u{1b}[31mET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        "GET /healthz\u{1b}[2J HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        "GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u{1b}[31mfake\r\nConnection: close\r\n\r\n",
                        "GET /%1b%5b31m%0d%0aFAKE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]
        for text in requests {
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send(text)
            _ = try? connection.readResponse()
        }
        _ = try server.login("evil\r\nFAKE\u{1b}[31m", "Wrong-Password-0000")
        #expect(try server.request("GET", "/healthz").status == 200)
        for line in server.logs.all {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f },
                    "control character in a log line: \(line.debugDescription)")
        }
    }
}
