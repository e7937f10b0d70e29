import Foundation

/// The `Content-Type` of a served file, from its extension.
enum ServeContentType {
    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "xml": "application/xml", "pdf": "application/pdf",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "wasm": "application/wasm", "gz": "application/gzip",
    ]

    /// The type for `file`; `application/octet-stream` when the extension is unknown.
    static func of(_ file: URL) -> String {
        types[file.pathExtension.lowercased()] ?? "application/octet-stream"
    }

    /// Whether `file` is an HTML page (and so gets the live-reload script).
    static func isHTML(_ file: URL) -> Bool {
        ["html", "htm"].contains(file.pathExtension.lowercased())
    }
}
