import Foundation
import HTTP

extension Application {
    typealias SecuredHandler = @Sendable (Request, Principal, consuming ResponseWriter) -> Void

    func makeRouter() -> Router {
        var router = Router()
        let healthy = Array(#"{"status":"ok"}"#.utf8)
        router.add(Route(.get, "/healthz", bodyLimit: 0) { _, writer in
            writer.write(Response(status: 200, contentType: "application/json; charset=utf-8", body: healthy))
        })
        addAuthRoutes(to: &router)
        addAdminRoutes(to: &router)
        addAuditRoutes(to: &router)
        addRecordingRoutes(to: &router)
        addSessionRoutes(to: &router)
        return router
    }

    /// A route that authenticates and authorizes on the headers call, before a byte of the body is read.
    /// Denials are audited. The handler gets the `Principal` the database vouches for now.
    func secured(_ method: HTTPMethod, _ pattern: String, _ action: Action, bodyLimit: Int = Route.defaultBodyLimit,
                 _ handler: @escaping SecuredHandler) -> Route {
        Route(method, pattern, bodyLimit: bodyLimit, preflight: { [self] head in
            let principal: Principal
            do throws(HTTPError) {
                principal = try auth.authenticate(head)
            } catch {
                if let suppressed = denials.admit(ip: head.remoteAddress, route: head.routePattern, code: error.code,
                                                  now: clock.now()) {
                    let reason = suppressed > 0 ? "\(error.code) suppressed_before=\(suppressed)" : error.code
                    try? audit.record(AuditEvent(action: "access", outcome: .denied, clientIP: head.remoteAddress,
                                                 targetType: "route", targetID: head.routePattern, reason: reason),
                                      database: database)
                }
                return .reject(error)
            }
            guard Policy.allows(principal.user.role, action) else {
                try? audit.record(principal.event("access", .denied, targetType: "route", targetID: head.routePattern,
                                                  reason: "forbidden"), database: database)
                return .reject(HTTPError(403, "forbidden", "Your role may not do this."))
            }
            return .proceed(context: principal)
        }, handler: { request, writer in
            guard let principal = request.context as? Principal else {
                writer.write(HTTPError.internalError().response)
                return
            }
            handler(request, principal, writer)
        })
    }

    /// Runs throwing work and turns errors into the error contract (HTTPError as is; anything else 500, logged
    /// by type only).
    func respond(_ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch let error as HTTPError {
            return error.response
        } catch {
            logger.error("request failed", metadata: ["error_type": "\(type(of: error))"])
            return HTTPError.internalError().response
        }
    }
}
