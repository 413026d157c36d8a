// Simulated tablets streaming real-time 16 kHz PCM to the release server (issue 4's benchmark).
//
//   swift run -c release bench-tablets [run] [--tablets 100,250,500,1000,1500] [--seconds 20]
//
// For each tablet count N: a fresh data directory with 10 users made by the product's AdminTool; the server
// started as a child process (this executable's `server` role: `Application` in-process, benchmark config, see
// BenchServer) so /proc/PID/status gives ITS memory alone; N tablets, each with its own UUID v4 device session and
// keep-alive connection, log in (POST /api/auth/login), then:
//   baseline  GET /healthz at the same rate over the same connections (a request that does no I/O);
//   stream    POST /api/start-recording, then every 250 ms (random phase per tablet) one chunk of 8,000 bytes
//             (audio/L16;rate=16000;channels=1) to /api/recordings/{id}/chunks?seq=k, one in flight per tablet;
//   stop      POST /api/stop-recording;
//   verify    a sample of recordings downloaded as WAV: the PCM must equal every acknowledged chunk, byte for byte.
// Reported per N: chunks sent / acknowledged 200 / lost (planned − acknowledged: non-200, timeout > 5 s, or never
// sent because the tablet failed), ack latency p50/p99/max (first byte sent → response read) and p99 from the
// moment the chunk was due (includes waiting behind a slow predecessor), the healthz baseline and the ratio,
// server RSS at the end of streaming and its peak (VmHWM), server CPU. N passes with 0 lost, p99 from due < 50 ms
// and every sampled recording verified. Client: a few epoll event-loop threads (non-blocking sockets), loopback only.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "server" {
        try BenchServer.run(arguments: Array(arguments.dropFirst()))
    }
    let rest = arguments.first == "run" ? Array(arguments.dropFirst()) : arguments
    if rest.contains("--help") || rest.contains("-h") {
        say(Options.usage)
        exit(0)
    }
    try TabletBench(options: try Options(arguments: rest)).run()
} catch {
    FileHandle.standardError.write(Data("bench-tablets: \(error)\n".utf8))
    exit(1)
}
