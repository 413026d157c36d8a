/// A failure of the end-to-end benchmark: a tool, a system call, the server's answers or the corpus.
struct BenchError: Error, CustomStringConvertible {
    /// What kind of step failed.
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// An external tool (espeak-ng, text2wave, sox) failed or is missing.
        static let tool = Code(name: "tool")
        /// A system call failed (errno in the detail).
        static let system = Code(name: "system")
        /// The server answered something the benchmark did not expect.
        static let server = Code(name: "server")
        /// The corpus is missing or malformed.
        static let corpus = Code(name: "corpus")
        var description: String { name }
    }

    let code: Code
    let operation: String
    let detail: String

    init(_ code: Code, operation: String, detail: String = "") {
        self.code = code
        self.operation = operation
        self.detail = detail
    }

    var description: String { "\(code) error in \(operation)" + (detail.isEmpty ? "" : ": \(detail)") }
}
