import FlyingFox
import Foundation

/// Answers the server's requests: the live-reload script and feed, then the files of the site folder.
struct ServeSiteHandler: HTTPHandler {
    /// The site folder; nothing outside it is served.
    let site: URL
    /// The build generation, for the live-reload feed and the script tag.
    let feed: ServeChangeFeed

    /// GET and HEAD only: the live-reload script, the changes feed, or a file of the site.
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD are served\n")
        }
        let response: HTTPResponse
        switch request.path {
        case ServeLiveReload.scriptPath:
            response = Self.body(.ok, "text/javascript; charset=utf-8", Data(ServeLiveReload.script.utf8))
        case ServeLiveReload.changesPath:
            let state = await feed.state(after: request.query["since"].flatMap { Int($0) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            response = Self.body(.ok, "application/json", try encoder.encode(state))
        default:
            response = try await file(at: request.path)
        }
        guard request.method == .HEAD else { return response }
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers)
    }

    /// The site's file at `path`, HTML with the live-reload script added.
    private func file(at path: String) async throws -> HTTPResponse {
        switch ServeSitePath(path: path, site: site) {
        case .refused:
            return Self.text(.forbidden, "refused: the path leaves the site folder\n")
        case .folder(let location):
            var headers = HTTPHeaders()
            headers[.location] = location
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .missing:
            let page = Data("<!doctype html><title>Not found</title><body><p>Not found: nothing at this path in the site.</p></body>\n".utf8)
            return Self.body(.notFound, "text/html; charset=utf-8", await inject(page))
        case .file(let url):
            let data = try Data(contentsOf: url)
            let isHTML = ServeContentType.isHTML(url)
            return Self.body(.ok, ServeContentType.of(url), isHTML ? await inject(data) : data)
        }
    }

    private func inject(_ html: Data) async -> Data {
        ServeLiveReload.inject(into: html, generation: await feed.state.generation)
    }

    private static func body(_ status: HTTPStatusCode, _ type: String, _ data: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    private static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        body(status, "text/plain; charset=utf-8", Data(message.utf8))
    }
}
