import App
import ArgumentParser
import Foundation

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.",
        subcommands: [Add.self, List.self, Disable.self, SetPassword.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from stdin.")
        @Argument var name: String
        @Option(help: "paramedic, supervisor, auditor or admin") var role: String
        @Option(help: "Team (repeatable).") var team: [String] = []
        @OptionGroup var data: DataOptions

        func run() throws {
            let password = readPassword(prompt: "Password for \(name): ")
            do {
                let admin = try AdminTool(configuration: data.configuration())
                let user = try admin.addUser(name: name, role: role, teams: team, password: password)
                print("created user \(user.username) (id \(user.id), role \(user.role.rawValue))")
            } catch { fail("\(error)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var data: DataOptions
        func run() throws {
            do {
                for user in try AdminTool(configuration: data.configuration()).listUsers() {
                    print("\(user.id)\t\(user.username)\t\(user.role.rawValue)\t\(user.teams.joined(separator: ","))"
                          + (user.disabled ? "\tdisabled" : ""))
                }
            } catch { fail("\(error)") }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and end their sessions.")
        @Argument var name: String
        @OptionGroup var data: DataOptions
        func run() throws {
            do { try AdminTool(configuration: data.configuration()).disableUser(name: name) } catch { fail("\(error)") }
            print("disabled \(name)")
        }
    }

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-password",
                                                        abstract: "Set a user's password (read from stdin).")
        @Argument var name: String
        @OptionGroup var data: DataOptions
        func run() throws {
            let password = readPassword(prompt: "New password for \(name): ")
            do {
                try AdminTool(configuration: data.configuration()).setPassword(name: name, password: password)
            } catch { fail("\(error)") }
            print("password set for \(name)")
        }
    }
}

/// Reads one line from stdin without echo when stdin is a terminal.
func readPassword(prompt: String) -> String {
    let terminal = isatty(STDIN_FILENO) == 1
    var saved = termios()
    if terminal {
        FileHandle.standardError.write(Data(prompt.utf8))
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    }
    defer {
        if terminal {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
    guard let line = readLine(strippingNewline: true) else { fail("no password on stdin") }
    return line
}
