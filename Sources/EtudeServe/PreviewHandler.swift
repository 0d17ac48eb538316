import FlyingFox
import Foundation

/// Answers the preview's requests: the built files of the private folder, the site's `404.html`
/// for a missing one, the reload events, and the error overlay over HTML while a build fails.
/// Nothing is ever cached by the browser: every response says `Cache-Control: no-store`.
struct PreviewHandler: HTTPHandler {
    let files: PreviewPath
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered by the preview.\n")
        }
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == PageInjection.eventsPath {
            return HTTPResponse(statusCode: .ok, headers: [
                .contentType: "text/event-stream", .cacheControl: "no-store",
            ], body: HTTPBodySequence(from: state.events.subscribe()))
        }
        switch files.resolve(rawPath) {
        case .forbidden:
            return Self.text(.forbidden, "Forbidden: this path leads outside the preview.\n")
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .file(let url):
            return serve(url, status: .ok)
        case .notFound:
            if case .file(let page) = files.resolve("/404.html") { return serve(page, status: .notFound) }
            if state.overlay != nil { return html(PageInjection.bare(overlay: state.overlay), status: .internalServerError) }
            return Self.text(.notFound, "Not found.\n")
        }
    }

    /// A file as it is, except HTML, which gets the reload script and any error overlay.
    private func serve(_ url: URL, status: HTTPStatusCode) -> HTTPResponse {
        guard let data = try? Data(contentsOf: url) else { return Self.text(.notFound, "Not found.\n") }
        let type = ContentType.of(url)
        if type.hasPrefix("text/html") {
            return html(PageInjection.inject(into: String(decoding: data, as: UTF8.self), overlay: state.overlay), status: status)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    private func html(_ text: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(text.utf8))
    }

    private static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(text.utf8))
    }
}

/// What the server shares with the rebuild loop: the overlay of the failing build, if any,
/// and the open pages to reload.
final class PreviewState: Sendable {
    let events = ReloadEvents()
    private let currentOverlay = Mutex<ErrorOverlay?>(nil)

    var overlay: ErrorOverlay? {
        get { currentOverlay.withLock { $0 } }
        set { currentOverlay.withLock { $0 = newValue } }
    }
}
