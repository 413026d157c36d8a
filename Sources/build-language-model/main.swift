import Foundation
import Speech

// Rebuilds PocketSphinx's handover language model from its recipe (HandoverModel.buildLanguageModel):
//   swift run -c release build-language-model [--root Tests/ClinicalTests] [--out Sources/Speech/Model/handover.lm]
// Run from the repository root, then commit the file; HandoverModelTests fails until the two agree.

func option(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

let root = URL(fileURLWithPath: option("--root") ?? "Tests/ClinicalTests")
let out = URL(fileURLWithPath: option("--out") ?? "Sources/Speech/Model/handover.lm")
do {
    let arpa = try HandoverModel.buildLanguageModel(corpusRoot: root)
    try Data(arpa.utf8).write(to: out, options: .atomic)
    let counts = arpa.split(separator: "\n").prefix(5).filter { $0.hasPrefix("ngram") }.joined(separator: ", ")
    print("wrote \(out.path): \(counts) (from \(HandoverModel.trainingDirectories.joined(separator: " ")))")
} catch {
    print("build-language-model: \(error)")
    exit(1)
}
