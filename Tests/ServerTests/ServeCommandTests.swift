import Foundation
import Testing

/// The real `paramedic serve` process: first start prints the URL and the one-time admin password once, and
/// SIGTERM with a request in flight lets that request finish, then exits 0.
@Suite struct ServeCommandTests {
    /// A running `paramedic serve` child process and its stdout lines.
    final class Child {
        let process = Process()
        private let output = Pipe()
        private let errors = Pipe()
        private var pending = Data()
        /// Everything the child wrote to stderr so far (its log), read on a thread so the pipe never fills.
        let log = Locked("")

        init(dataDirectory: String) throws {
            let binary = try #require(CLI.binary, "the paramedic executable is built next to the tests")
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory, "--asr", "pocketsphinx"]
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let reading = errors.fileHandleForReading
            Thread.detachNewThread { [log] in
                while true {
                    let more = reading.availableData
                    if more.isEmpty { return }
                    log.mutate { $0 += String(decoding: more, as: UTF8.self) }
                }
            }
        }

        deinit {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
        }

        /// The next stdout line (blocking read; the child writes each line at once).
        func line() -> String? {
            while true {
                if let newline = pending.firstIndex(of: 0x0a) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    return line
                }
                let more = output.fileHandleForReading.availableData
                if more.isEmpty { return nil }
                pending.append(more)
            }
        }

        /// Resident memory of the child in KiB (from /proc).
        var residentKiB: Int {
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
    }

    @Test func sigtermFinishesTheRequestInFlightThenExits() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let child = try Child(dataDirectory: root)
        var password: String?
        var port: UInt16?
        while port == nil, let line = child.line() {
            if line.contains("one-time password: ") { password = line.components(separatedBy: "one-time password: ").last }
            if let range = line.range(of: "listening on http://127.0.0.1:") {
                port = UInt16(line[range.upperBound...].prefix { $0.isNumber })
            }
        }
        let adminPassword = try #require(password, "the first start prints the one-time password")
        let listening = try #require(port, "the first start prints the URL")
        #expect(try RawHTTP.request(port: listening, "GET", "/healthz").status == 200)
        #expect(!root.isEmpty && FileManager.default.fileExists(atPath: root + "/paramedic.db"))

        // The password change runs production scrypt twice (~1 s). Once its 64 MiB are resident, send SIGTERM.
        // The speech engines load after the server listens and add more than that to the resident set: take the
        // baseline only once they are loaded, or their growth passes for the KDF and SIGTERM may come before the
        // request was even read (a request the server never received is not in flight).
        let loaded = Date().addingTimeInterval(60)
        while !child.log.value.contains("speech engines loaded"), Date() < loaded { usleep(2_000) }
        try #require(child.log.value.contains("speech engines loaded"), "the server logs when its engines are loaded")
        let baseline = child.residentKiB
        let answer = Locked<HTTPResult?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            answer.mutate {
                $0 = try? RawHTTP.json(port: listening, "POST", "/api/auth/password",
                                       ["username": "admin", "old_password": adminPassword,
                                        "new_password": "Harbor-Copper-Lantern-9031"], timeout: 30)
            }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(20)
        while child.residentKiB < baseline + 48 * 1024, Date() < deadline { usleep(1_000) }
        try #require(child.residentKiB >= baseline + 48 * 1024, "the KDF never ran")
        kill(child.process.processIdentifier, SIGTERM)
        #expect(done.wait(timeout: .now() + 30) == .success)
        let response = try #require(answer.value, "the in-flight request got no answer")
        #expect(response.status == 204, "\(response)")
        var rest: [String] = []
        while let line = child.line() { rest.append(line) }
        child.process.waitUntilExit()
        #expect(child.process.terminationReason == .exit && child.process.terminationStatus == 0)
        #expect(rest.contains("Stopped."), "\(rest)")
        #expect(!rest.joined().contains(adminPassword), "the one-time password is printed only once")
        #expect(child.log.value.contains("shutting down"))
        #expect(!child.log.value.contains(adminPassword) && !child.log.value.contains("Harbor-Copper-Lantern-9031"),
                "passwords never reach the log")
    }
}
