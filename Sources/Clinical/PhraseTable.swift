/// Phrases (token sequences) with a value each, indexed by their first word so a lookup at a token only looks at
/// the phrases that can start there.
struct PhraseTable<Value: Sendable>: Sendable {
    let entries: [([String], Value)]
    let byFirst: [String: [([String], Value)]]

    init(_ entries: [([String], Value)]) {
        self.entries = entries
        byFirst = Dictionary(grouping: entries, by: { $0.0[0] })
    }

    func candidates(_ first: String) -> [([String], Value)] { byFirst[first] ?? [] }
}

extension PhraseTable where Value == Bool {
    init(_ phrases: [[String]]) {
        self.init(phrases.map { ($0, true) })
    }
}
