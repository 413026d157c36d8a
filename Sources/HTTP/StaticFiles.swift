import Foundation

/// Serves the page from one directory. Only regular files whose real path (symlinks resolved) stays inside the
/// directory are served; everything else is 404. Traversal in the URI is refused earlier by `PathGuard`.
struct StaticFiles: Sendable {
    let root: String

    init(root: String) {
        let resolved = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = Self.realPath(resolved) ?? resolved
    }

    var route: Route {
        let files = self
        return Route(.get, "/*static", bodyLimit: 0) { request, writer in
            writer.write(files.serve(request.path))
        }
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "json": "application/json; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon", "txt": "text/plain; charset=utf-8",
        "webmanifest": "application/manifest+json",
    ]

    func serve(_ path: String) -> Response {
        let relative = path == "/" ? "index.html" : String(path.dropFirst())
        guard !relative.isEmpty, !relative.hasSuffix("/") else { return HTTPError.notFound().response }
        let candidate = root + "/" + relative
        guard let real = Self.realPath(candidate), real.hasPrefix(root + "/") else {
            return HTTPError.notFound().response
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: real) else {
            return HTTPError.notFound().response
        }
        let ext = (real as NSString).pathExtension.lowercased()
        var response = Response(status: 200, contentType: Self.contentTypes[ext] ?? "application/octet-stream",
                                body: [UInt8](data))
        response.headers.set(name: "Cache-Control", value: "no-cache")
        return response
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
