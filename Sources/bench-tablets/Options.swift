import Foundation

/// Command-line options of the `run` role.
struct Options: Sendable {
    var tabletCounts = [100, 250, 500, 1000, 1500]
    var seconds = 20
    var baselineSeconds = 10
    var clientThreads = 2
    var verifySample = 32
    var keep = false
    var directory = "/tmp/bench-tablets-\(getpid())"

    static let usage = """
        usage: bench-tablets [run] [--tablets 100,250,500,1000,1500] [--seconds 20] [--baseline-seconds 10]
                             [--client-threads 2] [--verify 32] [--dir /tmp/bench-tablets-PID] [--keep]
               bench-tablets server DIR [--connections N]      (the child role; started by run)
        """

    init(arguments: [String]) throws {
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw BenchError(.invalidArgument, "\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        func number(_ text: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let parsed = Int(text), range.contains(parsed) else {
                throw BenchError(.invalidArgument, "\(text) is not a number in \(range)")
            }
            return parsed
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--tablets":
                tabletCounts = try value().split(separator: ",").map { try number(String($0), 1...10_000) }
            case "--seconds": seconds = try number(try value(), 1...3600)
            case "--baseline-seconds": baselineSeconds = try number(try value(), 1...600)
            case "--client-threads": clientThreads = try number(try value(), 1...64)
            case "--verify": verifySample = try number(try value(), 0...10_000)
            case "--dir": directory = try value()
            case "--keep": keep = true
            default: throw BenchError(.invalidArgument, "unknown option \(arguments[index])\n\(Self.usage)")
            }
            index += 1
        }
        guard !tabletCounts.isEmpty else { throw BenchError(.invalidArgument, "--tablets is empty") }
    }
}
