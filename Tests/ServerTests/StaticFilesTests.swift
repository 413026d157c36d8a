import App
import Foundation
import Testing

/// Static files over real HTTP: served with the right type and a strict CSP, and every way out of static/
/// refused — judged on the raw URI, since MHD decodes the path before the handler sees it.
@Suite struct StaticFilesTests {
    static let secret = "TOP-SECRET-OUTSIDE-STATIC-5f1c"

    /// A data directory with `site/static/` (the page) and, next to it, files that must never be served.
    static func makeServer() throws -> (TestServer, String) {
        let site = try makeTemporaryDirectory()
        let staticDir = site + "/static"
        try FileManager.default.createDirectory(atPath: staticDir + "/sub", withIntermediateDirectories: true)
        try Data("<!doctype html><title>Paramedic</title>".utf8).write(to: URL(fileURLWithPath: staticDir + "/index.html"))
        try Data("console.log('hi')".utf8).write(to: URL(fileURLWithPath: staticDir + "/app.js"))
        try Data("body{}".utf8).write(to: URL(fileURLWithPath: staticDir + "/sub/style.css"))
        try Data("// \(secret)".utf8).write(to: URL(fileURLWithPath: site + "/Package.swift"))
        try Data(secret.utf8).write(to: URL(fileURLWithPath: site + "/secret.txt"))
        // A symlink inside static/ pointing outside it, and one to a directory outside.
        try FileManager.default.createSymbolicLink(atPath: staticDir + "/leak.txt", withDestinationPath: site + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: staticDir + "/up", withDestinationPath: site)
        let server = try TestServer(directory: site + "/data") { $0.http.staticDirectory = staticDir }
        return (server, site)
    }

    @Test func servesFilesWithTypesAndCSP() throws {
        let (server, site) = try Self.makeServer()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let index = try server.request("GET", "/")
        #expect(index.status == 200)
        #expect(index.header("Content-Type") == "text/html; charset=utf-8")
        #expect(index.text.contains("<title>Paramedic</title>"))
        let csp = try #require(index.header("Content-Security-Policy"))
        #expect(csp.contains("default-src 'none'"))
        #expect(csp.contains("script-src 'self'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
        FoundationTests.expectSecurityHeaders(index, api: false)

        let script = try server.request("GET", "/app.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        FoundationTests.expectSecurityHeaders(script, api: false)
        let css = try server.request("GET", "/sub/style.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(try server.request("GET", "/index.html").status == 200)
        FoundationTests.expectError(try server.request("GET", "/missing.js"), 404, "not_found")
        // Directories are not listed.
        FoundationTests.expectError(try server.request("GET", "/sub/"), 404, "not_found")
        FoundationTests.expectError(try server.request("GET", "/sub"), 404, "not_found")
    }

    @Test(arguments: [
        "/../Package.swift", "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
        "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt",
        "/static/../../secret.txt", "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/index.html%00.png",
        "/secret.txt%00", "/%00", "/..%5csecret.txt", "/..\\secret.txt", "/%252e%252e/secret.txt", "/leak.txt",
        "/up/secret.txt", "/up/Package.swift", "/./index.html/../../secret.txt",
    ])
    func traversalIsRefused(target: String) throws {
        let (server, site) = try Self.makeServer()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let response = try server.request("GET", target)
        #expect(response.status == 400 || response.status == 404, "\(target) → \(response)")
        #expect(!response.text.contains(Self.secret), "\(target) leaked a file outside static/")
        #expect(response.errorCode == "invalid_request" || response.errorCode == "not_found", "\(target) → \(response)")
        FoundationTests.expectSecurityHeaders(response, api: false)
    }
}
