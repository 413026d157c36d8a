import Foundation
import HTTP
import Security

extension Application {
    struct CreateUserBody: Decodable {
        let username: String
        let password: String
        let role: String
        let teams: [String]?
    }
    struct PatchUserBody: Decodable {
        let role: String?
        let teams: [String]?
        let disabled: Bool?
        let password: String?
    }
    struct UsersResponse: Encodable { let users: [User] }

    func addAdminRoutes(to router: inout Router) {
        router.add(secured(.get, "/api/users", .administer, bodyLimit: 0) { [self] _, _, writer in
            writer.write(respond { .json(UsersResponse(users: try accounts.list())) })
        })
        router.add(secured(.post, "/api/users", .administer, bodyLimit: 16 * 1024) { [self] request, principal, writer in
            let body: CreateUserBody
            do throws(HTTPError) { body = try request.decodeJSON(CreateUserBody.self) } catch { writer.write(error.response); return }
            writer.offload(on: slowQueue) { [self] in
                respond {
                    guard let username = User.normalize(body.username) else {
                        throw HTTPError.invalidRequest("username must be 3–64 of a-z 0-9 . _ -")
                    }
                    guard let role = Role(rawValue: body.role) else { throw HTTPError.invalidRequest("unknown role") }
                    let teams = body.teams ?? []
                    guard teams.allSatisfy(User.validTeam) else { throw HTTPError.invalidRequest("invalid team name") }
                    if let violation = PasswordPolicy().check(body.password, username: username) {
                        throw HTTPError(400, "weak_password", "\(violation.code.rawValue): \(violation.message)")
                    }
                    let hash = try hasher.hash(body.password)
                    let user: User = try database.write { connection in
                        guard try accounts.user(named: username, in: connection) == nil else {
                            throw HTTPError(409, "user_exists", "A user with that name exists.")
                        }
                        let id = try accounts.create(username: username, passwordHash: hash, role: role, teams: teams,
                                                     mustChange: false, in: connection)
                        try audit.append(principal.event("user_create", .success, targetType: "user",
                                                         targetID: String(id), reason: role.rawValue), in: connection)
                        return try accounts.user(id: id, in: connection)!
                    }
                    try audit.publishHead()
                    return .json(user, status: 201)
                }
            }
        })
        router.add(secured(.patch, "/api/users/:id", .administer, bodyLimit: 16 * 1024) { [self] request, principal, writer in
            let body: PatchUserBody
            do throws(HTTPError) { body = try request.decodeJSON(PatchUserBody.self) } catch { writer.write(error.response); return }
            guard let id = request.parameters["id"].flatMap(Int64.init) else {
                writer.write(HTTPError.notFound().response)
                return
            }
            writer.offload(on: slowQueue) { [self] in
                respond {
                    let role = try body.role.map { value throws(HTTPError) -> Role in
                        guard let role = Role(rawValue: value) else { throw HTTPError.invalidRequest("unknown role") }
                        return role
                    }
                    if let teams = body.teams, !teams.allSatisfy(User.validTeam) {
                        throw HTTPError.invalidRequest("invalid team name")
                    }
                    var hash: String?
                    if let password = body.password {
                        let name = try database.read { try accounts.user(id: id, in: $0)?.username } ?? ""
                        if let violation = PasswordPolicy().check(password, username: name) {
                            throw HTTPError(400, "weak_password", "\(violation.code.rawValue): \(violation.message)")
                        }
                        hash = try hasher.hash(password)
                    }
                    let user: User = try database.write { connection in
                        guard try accounts.user(id: id, in: connection) != nil else { throw HTTPError.notFound() }
                        if let role {
                            try accounts.setRole(role, of: id, in: connection)
                            try audit.append(principal.event("role_change", .success, targetType: "user",
                                                             targetID: String(id), reason: role.rawValue), in: connection)
                        }
                        if let teams = body.teams {
                            try accounts.setTeams(teams, of: id, in: connection)
                            try accounts.endSessions(of: id, in: connection)
                            try audit.append(principal.event("team_change", .success, targetType: "user",
                                                             targetID: String(id)), in: connection)
                        }
                        if let disabled = body.disabled {
                            try accounts.setDisabled(disabled, of: id, in: connection)
                            try audit.append(principal.event(disabled ? "user_disable" : "user_enable", .success,
                                                             targetType: "user", targetID: String(id)), in: connection)
                        }
                        if let hash {
                            try accounts.setPassword(hash: hash, of: id, mustChange: true, in: connection)
                            try audit.append(principal.event("password_reset", .success, targetType: "user",
                                                             targetID: String(id)), in: connection)
                        }
                        return try accounts.user(id: id, in: connection)!
                    }
                    try audit.publishHead()
                    return .json(user)
                }
            }
        })
        router.add(secured(.post, "/api/users/:id/end-sessions", .administer, bodyLimit: 1024) { [self] request, principal, writer in
            writer.write(respond {
                guard let id = request.parameters["id"].flatMap(Int64.init) else { throw HTTPError.notFound() }
                try database.write { connection in
                    guard try accounts.user(id: id, in: connection) != nil else { throw HTTPError.notFound() }
                    try accounts.endSessions(of: id, in: connection)
                    try audit.append(principal.event("end_sessions", .success, targetType: "user", targetID: String(id)),
                                     in: connection)
                }
                try audit.publishHead()
                return .noContent
            })
        })
    }
}
