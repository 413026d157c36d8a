/// Where to split a long recording for speech recognition without cutting through a word: the middle of the
/// quietest short stretch near the end of what is available. Pure Swift, no allocation.
public enum QuietCut {
    /// The cut index for `samples` (16 kHz mono): the centre of the `frame`-sample stretch with the least energy
    /// among those starting in the last `searchLast` samples (stepping half a frame). Returns `samples.count` when
    /// there is less than one frame.
    public static func find(in samples: [Int16], searchLast: Int, frame: Int = 1_600) -> Int {
        let count = samples.count
        guard frame > 0, count >= frame else { return count }
        let firstStart = max(0, count - max(searchLast, frame))
        let step = max(1, frame / 2)
        var best = count - frame
        var bestEnergy = Int64.max
        var start = count - frame
        // From the end backwards, so that among equally quiet stretches the latest one wins (more audio now).
        while start >= firstStart {
            var energy: Int64 = 0
            for index in start..<start + frame {
                let value = Int64(samples[index])
                energy += value * value
            }
            if energy < bestEnergy {
                bestEnergy = energy
                best = start
            }
            start -= step
        }
        return best + frame / 2
    }
}
