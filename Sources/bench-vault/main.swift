// Vault throughput against OpenSSL's own AES-256-GCM speed, measured in the same run.
//
//   swift run -c release bench-vault [MiB]        (default 256 MiB; files under /tmp, removed afterwards)
//
// Baseline: `openssl speed -evp aes-256-gcm -bytes 16384 -seconds 3` (one core, no I/O, divides by user CPU
// time), and the same with `-elapsed` (wall clock). Every rate below is given per CPU second (user + system of
// this process: the fair comparison on a shared machine) and per wall second, each as a share of the matching
// baseline. Fast paths take the best of 5 passes. The load average is printed: on a busy machine even CPU-time
// rates drift, so compare rows of one run. Per segment size (64 KiB, 1 MiB):
//   gcm seal / gcm open   the AESGCM wrapper alone: pre-keyed context, one call per segment (crypto ceiling)
//   append                Vault appender, one segment per append, each open/pwrite/fdatasync/close (recording)
//   read                  VaultReader.forEachChunk from the page cache: pread + authenticate + decrypt (download)
//   readAll               Vault.readAll (allocates the whole plaintext)
// and writeWhole (1 MiB segments: temp file, pwrite, one fdatasync, rename, directory fsync).

import Foundation
import Security
import Vault

/// Prints a line and flushes at once (stdout is fully buffered when piped).
func say(_ line: String) {
    print(line)
    fflush(nil)
}

let totalMiB = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 256 : 256
let totalBytes = totalMiB << 20
let passes = 5

func now() -> Double {
    var spec = timespec()
    guard clock_gettime(CLOCK_MONOTONIC, &spec) == 0 else { fatalError("clock_gettime: errno \(errno)") }
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU seconds (user + system) of this process.
func cpuTime() -> Double {
    var usage = rusage()
    guard getrusage(Int32(RUSAGE_SELF.rawValue), &usage) == 0 else { fatalError("getrusage: errno \(errno)") }
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Bytes per CPU second and per wall second of `body`, best of `runs`.
func measure(_ bytes: Int, runs: Int = passes, _ body: () throws -> Void) rethrows -> (cpu: Double, wall: Double) {
    var best = (cpu: 0.0, wall: 0.0)
    for _ in 0..<runs {
        let wallStart = now()
        let cpuStart = cpuTime()
        try body()
        let cpu = Double(bytes) / max(cpuTime() - cpuStart, 1e-6)
        let wall = Double(bytes) / (now() - wallStart)
        best = (max(best.cpu, cpu), max(best.wall, wall))
    }
    return best
}

/// Runs openssl speed and returns bytes per second at 16 KiB blocks.
func opensslSpeed(elapsed: Bool) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl", "speed"] + (elapsed ? ["-elapsed"] : [])
        + ["-evp", "aes-256-gcm", "-bytes", "16384", "-seconds", "3"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fatalError("openssl speed exited \(process.terminationStatus)") }
    // The result line: "AES-256-GCM    3416627.20k" (thousands of bytes per second).
    for line in output.split(separator: "\n").reversed() where line.uppercased().hasPrefix("AES-256-GCM") {
        if let field = line.split(separator: " ").last, field.hasSuffix("k"), let value = Double(field.dropLast()) {
            return value * 1000
        }
    }
    fatalError("could not parse openssl speed output:\n\(output)")
}

func padded(_ text: String) -> String { text.padding(toLength: 26, withPad: " ", startingAt: 0) }

var baselineCPU = 0.0
var baselineWall = 0.0

@MainActor func report(_ label: String, _ rate: (cpu: Double, wall: Double)) {
    say(padded("  " + label) + String(format: "%7.0f MB/s cpu (%5.1f %%)  %7.0f MB/s wall (%5.1f %%)",
                                      rate.cpu / 1e6, rate.cpu / baselineCPU * 100,
                                      rate.wall / 1e6, rate.wall / baselineWall * 100))
}

let directory = "/tmp/bench-vault-\(getpid())"
guard mkdir(directory, 0o700) == 0 else { fatalError("mkdir \(directory) failed: errno \(errno)") }
defer { try? FileManager.default.removeItem(atPath: directory) }

/// The 1-minute load average, to judge how quiet the machine was.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

say("bench-vault: \(totalMiB) MiB per run, files in \(directory), load average \(loadAverage()), \(passes) passes")
say("openssl speed -evp aes-256-gcm -bytes 16384 -seconds 3 (CPU time), then with -elapsed (wall) ...")
baselineCPU = try opensslSpeed(elapsed: false)
baselineWall = try opensslSpeed(elapsed: true)
say(padded("  openssl") + String(format: "%7.0f MB/s cpu            %7.0f MB/s wall   (baseline)",
                                 baselineCPU / 1e6, baselineWall / 1e6))

let vault = Vault(directory: directory)
let master = try MasterKey.generate(id: "bench")
var source = [UInt8](repeating: 0, count: Vault.maxSegmentSize)
for index in source.indices { source[index] = UInt8(truncatingIfNeeded: index &* 131 &+ 7) }

for segmentSize in [64 << 10, 1 << 20] {
    let segments = totalBytes / segmentSize
    say("segments of \(segmentSize == 1 << 20 ? "1 MiB" : "64 KiB") (\(segments) per file)")

    // Crypto alone through the wrapper.
    let gcm = try AESGCM(key: try SecureRandom.bytes(32))
    var sealed = [UInt8](repeating: 0, count: segmentSize + AESGCM.tagSize)
    var opened = [UInt8](repeating: 0, count: segmentSize)
    let nonce = [UInt8](repeating: 1, count: 12)
    let aad = [UInt8](repeating: 2, count: 33)
    try nonce.withUnsafeBytes { n in
        try aad.withUnsafeBytes { a in
            try source.withUnsafeBytes { plain in
                let piece = UnsafeRawBufferPointer(rebasing: plain[0..<segmentSize])
                try sealed.withUnsafeMutableBytes { out in
                    report("gcm seal", try measure(totalBytes) {
                        for _ in 0..<segments { try gcm.seal(nonce: n, aad: a, plaintext: piece, into: out) }
                    })
                }
            }
            try sealed.withUnsafeBytes { input in
                try opened.withUnsafeMutableBytes { out in
                    report("gcm open", try measure(totalBytes) {
                        for _ in 0..<segments { try gcm.open(nonce: n, aad: a, sealed: input, into: out) }
                    })
                }
            }
        }
    }

    // The recording path: one durable append per segment (once: fdatasync-bound).
    let dataKey = try master.unwrap(try master.wrap(try DataKey.generate()))
    let id = VaultFileIdentity(recordingID: UUID(), fileType: .recording)
    let name = "bench_\(segmentSize).enc"
    let appendStart = now()
    let appendRate = try measure(totalBytes, runs: 1) {
        let appender = try vault.create(name: name, identity: id, dataKey: dataKey)
        try source.withUnsafeBytes { plain in
            let piece = UnsafeRawBufferPointer(rebasing: plain[0..<segmentSize])
            for _ in 0..<segments { try appender.append(piece) }
        }
        try appender.finish()
    }
    report("append (fdatasync each)", appendRate)
    say(padded("    per durable append") + String(format: "%7.2f ms wall", (now() - appendStart) / Double(segments) * 1000))

    // Read back through the streaming reader (page cache hot).
    var checksum: UInt64 = 0
    report("read (forEachChunk)", try measure(totalBytes) {
        try vault.read(name: name, identity: id, dataKey: dataKey).forEachChunk { chunk in
            checksum &+= UInt64(chunk[chunk.count - 1])
        }
    })
    var count = 0
    report("readAll", try measure(totalBytes) {
        count = try vault.readAll(name: name, identity: id, dataKey: dataKey).count
    })
    guard count == totalBytes, checksum > 0 else { fatalError("read back \(count) bytes") }
    try vault.remove(name: name)
}

// The whole-file path (1 MiB segments, one fdatasync, atomic rename).
do {
    var contents = [UInt8](repeating: 0, count: totalBytes)
    contents.withUnsafeMutableBytes { buffer in
        for index in stride(from: 0, to: totalBytes, by: source.count) {
            buffer.baseAddress!.advanced(by: index).copyMemory(from: source, byteCount: source.count)
        }
    }
    let dataKey = try DataKey.generate()
    let id = VaultFileIdentity(recordingID: UUID(), fileType: .transcript)
    say("whole-file write (1 MiB segments)")
    report("writeWhole (1 fdatasync)", try measure(totalBytes) {
        try vault.writeWhole(name: "whole.enc", identity: id, dataKey: dataKey, contents: contents)
    })
    try vault.remove(name: "whole.enc")
}
say("load average at the end: \(loadAverage())")
