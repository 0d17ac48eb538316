import EtudeCore
import FlyingFox
import Foundation

/// `etude serve`: builds the project into a private temporary folder, serves it, and rebuilds
/// it whenever a source file changes, then tells every open page to reload. A failed build
/// leaves the last good site served, under an overlay listing the errors.
public final class PreviewSession: Sendable {
    public let project: Project
    public let includeDrafts: Bool
    /// The private folder (removed by `removeFolder()`); the site is built in its `site/`.
    public let folder: URL
    private let state = PreviewState()
    private let server: HTTPServer
    private let log: @Sendable (String) -> Void
    private let warn: @Sendable (String) -> Void

    /// `log` prints a line on the terminal's output, `warn` one on its error output.
    public init(project: Project, includeDrafts: Bool, host: String, port: UInt16,
                log: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) throws {
        self.project = project
        self.includeDrafts = includeDrafts
        self.log = log
        self.warn = warn
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("etude-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let handler = PreviewHandler(files: PreviewPath(root: site), state: state)
        if host.contains(":") {
            server = HTTPServer(address: try .inet6(ip6: host, port: port), logger: .disabled, handler: handler)
        } else {
            server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled, handler: handler)
        }
    }

    var site: URL { folder.appendingPathComponent("site") }

    /// Builds once, starts the server; returns the port it listens on.
    public func start() async throws -> UInt16 {
        let watcher = ProjectWatcher(project: project.directory)
        rebuild(snapshot: watcher.snapshot(), changes: [])
        Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return 0
        }
    }

    /// Rebuilds after every change, until the task is cancelled.
    public func watch() async {
        let watcher = ProjectWatcher(project: project.directory)
        var known = watcher.snapshot()
        while let next = await watcher.nextChange(after: known) {
            rebuild(snapshot: next, changes: ProjectWatcher.changes(from: known, to: next))
            known = next
        }
    }

    /// Stops serving and removes the private folder.
    public func stop() async {
        state.events.finish()
        await server.stop(timeout: 0.5)
        removeFolder()
    }

    public func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// One build into the private folder; prints one line, and the errors if it fails.
    private func rebuild(snapshot: ProjectWatcher.Snapshot, changes: [String]) {
        let start = ContinuousClock.now
        let cause = Self.describe(changes)
        do {
            let result = try SiteBuilder(project: project, includeDrafts: includeDrafts).build(into: site)
            state.overlay = nil
            let pages = result.pages.count
            log("\(changes.isEmpty ? "Built" : "Rebuilt") \(pages) page\(pages == 1 ? "" : "s") in \(Self.milliseconds(since: start)) ms\(cause)")
        } catch {
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? (error as? Diagnostic).map { [$0] }
                ?? [Diagnostic(file: "", message: "\(error)")]
            diagnostics.forEach { warn($0.description) }
            state.overlay = ErrorOverlay(diagnostics: diagnostics, project: project.directory)
            let count = diagnostics.count
            log("Build failed with \(count) error\(count == 1 ? "" : "s") in \(Self.milliseconds(since: start)) ms\(cause); "
                + "the preview shows \(count == 1 ? "it" : "them") over the last good pages")
        }
        state.events.reload()
    }

    /// ` after a change to data/x.yaml`, naming at most three files.
    static func describe(_ changes: [String]) -> String {
        guard !changes.isEmpty else { return "" }
        let named = changes.prefix(3).joined(separator: ", ")
        let more = changes.count > 3 ? " and \(changes.count - 3) other\(changes.count == 4 ? "" : "s")" : ""
        return " after a change to \(named)\(more)"
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}
