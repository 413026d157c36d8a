/// Sequence comparisons for the speech metrics.
enum Alignment {
    /// Word-level Levenshtein distance: substitutions + deletions + insertions turning `reference` into
    /// `hypothesis`.
    static func editDistance(_ reference: [String], _ hypothesis: [String]) -> Int {
        if reference.isEmpty { return hypothesis.count }
        if hypothesis.isEmpty { return reference.count }
        var previous = Array(0...hypothesis.count)
        var current = [Int](repeating: 0, count: hypothesis.count + 1)
        for i in 1...reference.count {
            current[0] = i
            for j in 1...hypothesis.count {
                let substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[hypothesis.count]
    }

    /// How many of `reference`'s numbers appear in `hypothesis` with the same value and in the same order (the
    /// length of the longest common subsequence, values equal within 0.001).
    static func numbersInOrder(_ reference: [Double], _ hypothesis: [Double]) -> Int {
        if reference.isEmpty || hypothesis.isEmpty { return 0 }
        var previous = [Int](repeating: 0, count: hypothesis.count + 1)
        var current = previous
        for i in 1...reference.count {
            for j in 1...hypothesis.count {
                current[j] = abs(reference[i - 1] - hypothesis[j - 1]) < 0.001
                    ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[hypothesis.count]
    }
}
