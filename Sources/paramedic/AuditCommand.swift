import App
import ArgumentParser
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit log.",
                                                    subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain; exit 0 when intact, 1 with the first bad entry otherwise.")
        @OptionGroup var data: DataOptions
        func run() throws {
            do {
                switch try AdminTool(configuration: data.configuration()).verifyAudit() {
                case .valid(let entries, let head):
                    print("audit log valid: \(entries) entries, head \(head)")
                case .broken(let seq, let reason, let entries):
                    print("audit log BROKEN at seq \(seq): \(reason) (\(entries) entries verified before it)")
                    throw ExitCode(1)
                }
            } catch let exit as ExitCode { throw exit } catch { fail("\(error)") }
        }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Key management.",
                                                    subcommands: [Rotate.self])

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rotate the JWT signing key or the vault master key.")
        @Flag(help: "Add a new JWT signing key; the old one verifies until its tokens expire.") var jwt = false
        @Flag(help: "New vault master key; every data key re-wrapped.") var vault = false
        @OptionGroup var data: DataOptions
        func run() throws {
            guard jwt != vault else { fail("give exactly one of --jwt or --vault") }
            do {
                let tool = try AdminTool(configuration: data.configuration())
                if jwt {
                    let kid = try tool.rotateJWT()
                    print("new JWT signing key \(kid); send SIGHUP to a running server or let it reload on first use")
                } else {
                    try tool.rotateVault()
                    print("vault master key rotated")
                }
            } catch { fail("\(error)") }
        }
    }
}
