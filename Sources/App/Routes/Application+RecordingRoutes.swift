import HTTP

extension Application {
    func addRecordingRoutes(to router: inout Router) {}
}
