/// What one tablet count measured.
struct StageResult: Sendable {
    var tablets = 0
    var planned = 0
    var acknowledged = 0
    var lost: Int { planned - acknowledged }
    var stream = LoopStats()
    var health = LoopStats()
    var loginSeconds = 0.0
    var startSeconds = 0.0
    var stopSeconds = 0.0
    var setupFailures = ""
    var rssIdleKB = 0
    var rssEndKB = 0
    var hwmKB = 0
    var serverThreads = 0
    var serverCPU = 0.0
    var clientCPU = 0.0
    var verifiedGood = 0
    var verifiedTotal = 0

    var wire: Percentiles { Percentiles(stream.wire) }
    var fromDue: Percentiles { Percentiles(stream.fromDue) }
    var healthWire: Percentiles { Percentiles(health.wire) }
    var passed: Bool { lost == 0 && fromDue.p99 < 50 && verifiedGood == verifiedTotal }
}
