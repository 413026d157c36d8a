import Foundation
import HTTP

extension Application {
    struct LoginBody: Decodable { let username: String; let password: String; let session_id: String }
    struct RefreshBody: Decodable { let refresh_token: String }
    struct PasswordBody: Decodable { let username: String; let old_password: String; let new_password: String }
    struct MeResponse: Encodable { let user: AuthService.PublicUser; let session_id: String }

    func addAuthRoutes(to router: inout Router) {
        router.add(Route(.post, "/api/auth/login", bodyLimit: 16 * 1024) { [self] request, writer in
            let ip = request.head.remoteAddress
            let body: LoginBody
            do throws(HTTPError) { body = try request.decodeJSON(LoginBody.self) } catch { writer.write(error.response); return }
            writer.offload(on: slowQueue) { [self] in
                do throws(HTTPError) {
                    return .json(try auth.login(username: body.username, password: body.password,
                                                sessionID: body.session_id, ip: ip))
                } catch {
                    return error.response
                }
            }
        })
        router.add(Route(.post, "/api/auth/refresh", bodyLimit: 16 * 1024) { [self] request, writer in
            let ip = request.head.remoteAddress
            let body: RefreshBody
            do throws(HTTPError) { body = try request.decodeJSON(RefreshBody.self) } catch { writer.write(error.response); return }
            writer.offload(on: slowQueue) { [self] in
                do throws(HTTPError) { return .json(try auth.refresh(body.refresh_token, ip: ip)) } catch { return error.response }
            }
        })
        router.add(Route(.post, "/api/auth/password", bodyLimit: 16 * 1024) { [self] request, writer in
            let ip = request.head.remoteAddress
            let body: PasswordBody
            do throws(HTTPError) { body = try request.decodeJSON(PasswordBody.self) } catch { writer.write(error.response); return }
            writer.offload(on: slowQueue) { [self] in
                do throws(HTTPError) {
                    try auth.changePassword(username: body.username, old: body.old_password, new: body.new_password,
                                            ip: ip)
                    return .noContent
                } catch {
                    return error.response
                }
            }
        })
        router.add(secured(.post, "/api/auth/logout", .identify, bodyLimit: 16 * 1024) { [self] _, principal, writer in
            writer.write(respond {
                try auth.logout(principal)
                return .noContent
            })
        })
        router.add(secured(.get, "/api/me", .identify, bodyLimit: 0) { _, principal, writer in
            writer.write(.json(MeResponse(user: AuthService.PublicUser(principal.user), session_id: principal.sessionID)))
        })
    }
}
