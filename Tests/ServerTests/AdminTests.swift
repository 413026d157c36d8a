import App
import Foundation
import Testing

/// The admin HTTP API: users list, create, patch, end sessions — admins only, validated, audited.
@Suite struct AdminTests {
    @Test func onlyAdminsAdministerUsers() throws {
        let server = try TestServer()
        let target = try server.addUser("medic", role: "paramedic")
        try server.addUser("chief", role: "supervisor")
        try server.addUser("auditor1", role: "auditor")
        let calls: [(String, String, [String: Any]?)] = [
            ("GET", "/api/users", nil),
            ("POST", "/api/users", ["username": "sneaky", "password": userPassword, "role": "admin"]),
            ("PATCH", "/api/users/\(target.id)", ["role": "admin"]),
            ("POST", "/api/users/\(target.id)/end-sessions", nil),
        ]
        for name in ["medic", "chief", "auditor1"] {
            let token = try server.session(name).access
            for (method, path, body) in calls {
                let response = try server.json(method, path, body, token: token)
                #expect(response.status == 403 && response.errorCode == "forbidden", "\(name) \(method) \(path): \(response)")
            }
        }
        for (method, path, body) in calls {
            FoundationTests.expectError(try server.json(method, path, body), 401, "unauthorized")
        }
        // Nothing changed.
        let admin = try server.adminSession()
        let list = try server.json("GET", "/api/users", token: admin.access)
        let users = try #require(list.json?["users"] as? [[String: Any]])
        #expect(!users.contains { $0["username"] as? String == "sneaky" })
        #expect(users.first { $0["username"] as? String == "medic" }?["role"] as? String == "paramedic")
        #expect(!list.text.contains("password_hash") && !list.text.contains("scrypt"), "no hashes in the API")
    }

    @Test func createAndPatchUsersAreValidated() throws {
        let server = try TestServer()
        let admin = try server.adminSession()
        let create = { (body: [String: Any]) in try server.json("POST", "/api/users", body, token: admin.access) }
        let created = try create(["username": "New.Medic", "password": userPassword, "role": "paramedic",
                                  "teams": ["north", "south"]])
        #expect(created.status == 201, "\(created)")
        #expect(created.json?["username"] as? String == "new.medic")
        #expect(created.json?["teams"] as? [String] == ["north", "south"])
        let id = try #require(created.json?["id"] as? Int)
        #expect(try server.login("new.medic", userPassword).status == 200)

        FoundationTests.expectError(try create(["username": "new.medic", "password": userPassword, "role": "paramedic"]),
                                    409, "user_exists")
        FoundationTests.expectError(try create(["username": "x", "password": userPassword, "role": "paramedic"]),
                                    400, "invalid_request")
        FoundationTests.expectError(try create(["username": "bad name!", "password": userPassword, "role": "paramedic"]),
                                    400, "invalid_request")
        FoundationTests.expectError(try create(["username": "okname", "password": userPassword, "role": "root"]),
                                    400, "invalid_request")
        FoundationTests.expectError(try create(["username": "okname", "password": "password123", "role": "paramedic"]),
                                    400, "weak_password")
        FoundationTests.expectError(try create(["username": "okname", "password": "okname-secret-long", "role": "paramedic"]),
                                    400, "weak_password")
        FoundationTests.expectError(try create(["username": "okname", "password": userPassword, "role": "paramedic",
                                                "teams": ["<script>"]]), 400, "invalid_request")

        let patch = { (body: [String: Any], id: Int) in
            try server.json("PATCH", "/api/users/\(id)", body, token: admin.access)
        }
        FoundationTests.expectError(try patch(["role": "emperor"], id), 400, "invalid_request")
        FoundationTests.expectError(try patch(["role": "paramedic"], 999_999), 404, "not_found")
        FoundationTests.expectError(try server.json("PATCH", "/api/users/abc", ["role": "paramedic"], token: admin.access),
                                    404, "not_found")
        FoundationTests.expectError(try patch(["password": "short"], id), 400, "weak_password")
        // An admin-set password must be changed by the user at the next login.
        #expect(try patch(["password": "Temporary-Admin-Set-6610"], id).status == 200)
        FoundationTests.expectError(try server.login("new.medic", "Temporary-Admin-Set-6610"), 403, "password_change_required")
        #expect(try patch(["teams": ["west"]], id).json?["teams"] as? [String] == ["west"])
    }
}
