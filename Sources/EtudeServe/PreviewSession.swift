import EtudeCore
import FlyingFox
import FlyingSocks
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
    /// Held by a rebuild, and forever by `removeFolder()`: no build writes after the folder is gone.
    private let buildLock = NSLock()
    /// The source files as the first build read them.
    private let initialSnapshot = Mutex<ProjectWatcher.Snapshot>([:])
    /// Keeps what each build made, to do again only what a change reaches.
    private let builder: IncrementalBuilder

    /// `log` prints a line on the terminal's output, `warn` one on its error output.
    public init(project: Project, includeDrafts: Bool, host: String, port: UInt16,
                log: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) throws {
        self.project = project
        self.includeDrafts = includeDrafts
        self.log = log
        self.warn = warn
        try Self.checkAddress(host)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("etude-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        builder = IncrementalBuilder(project: project, includeDrafts: includeDrafts, folder: site)
        let handler = PreviewHandler(files: PreviewPath(root: site), state: state)
        if host.contains(":") {
            server = HTTPServer(address: try .inet6(ip6: host, port: port), logger: .disabled, handler: handler)
        } else {
            server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled, handler: handler)
        }
    }

    var site: URL { folder.appendingPathComponent("site") }

    /// Listens, then builds once; returns the port it listens on. Throws `Error.cannotListen`
    /// at once when the port is taken.
    public func start() async throws -> UInt16 {
        let failure = Mutex<(any Swift.Error)?>(nil)
        Task { [server] in
            do { try await server.run() } catch { failure.withLock { $0 = error } }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        var port: UInt16?
        while port == nil {
            if let error = failure.withLock({ $0 }) { throw Error.cannotListen(Self.reason(error)) }
            guard ContinuousClock.now < deadline else { throw Error.cannotListen("no answer within 10 seconds") }
            switch await server.listeningAddress {
            case .ip4(_, let number), .ip6(_, let number): port = number
            default: try await Task.sleep(for: .milliseconds(10))
            }
        }
        initialSnapshot.withLock { $0 = ProjectWatcher(project: project.directory).snapshot() }
        rebuild(changes: [])
        return port ?? 0
    }

    /// Rebuilds after every change since the first build, until the task is cancelled.
    public func watch() async {
        let watcher = ProjectWatcher(project: project.directory)
        let events = watcher.events()
        var known = initialSnapshot.withLock { $0 }
        while let next = await watcher.nextChange(after: known, events: events) {
            rebuild(changes: ProjectWatcher.changes(from: known, to: next))
            known = next
        }
    }

    /// The system's words for a socket error ("Address already in use").
    private static func reason(_ error: any Swift.Error) -> String {
        if case SocketError.failed(_, _, let message) = error { return message }
        return "\(error)"
    }

    /// Waits for a rebuild under way, then removes the private folder for good (the process ends next).
    public func removeFolder() {
        buildLock.lock()
        builder.finishWriting()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Throws `PreviewSession.Error.notAnAddress` unless `host` is an IPv4 or IPv6 address.
    static func checkAddress(_ host: String) throws {
        do {
            if host.contains(":") { _ = try sockaddr_in6.inet6(ip6: host, port: 0) } else { _ = try sockaddr_in.inet(ip4: host, port: 0) }
        } catch {
            throw Error.notAnAddress(host)
        }
    }

    public enum Error: Swift.Error, Equatable {
        case notAnAddress(String)
        /// The port is taken or the address is not this machine's; with the system's reason.
        case cannotListen(String)
    }

    /// One build into the private folder; prints one line, and the errors if it fails.
    private func rebuild(changes: [String]) {
        buildLock.lock()
        defer { buildLock.unlock() }
        let start = ContinuousClock.now
        let cause = Self.describe(changes)
        do {
            let outcome = try builder.build()
            state.overlay = nil
            outcome.result.warnings.forEach { warn($0.description) }
            log(Self.summary(outcome, rebuilt: !changes.isEmpty, milliseconds: Self.milliseconds(since: start)) + cause)
        } catch {
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? (error as? Diagnostic).map { [$0] }
                ?? [Diagnostic(file: "", message: "\(error)")]
            diagnostics.forEach { warn($0.description) }
            state.overlay = ErrorOverlay(diagnostics: diagnostics, project: project.directory, language: Language.ofProject(project.directory))
            let count = diagnostics.count
            log("Build failed with \(count) error\(count == 1 ? "" : "s") in \(Self.milliseconds(since: start)) ms\(cause); "
                + "the preview shows \(count == 1 ? "it" : "them") over the last good pages")
        }
        state.events.reload()
    }

    /// `Built 8 pages in 310 ms`, or `Rebuilt 2 of 8 pages in 40 ms`: how many pages were
    /// rendered again, the others being reused from the build before.
    static func summary(_ outcome: IncrementalBuilder.Outcome, rebuilt: Bool, milliseconds: Int64) -> String {
        let total = outcome.result.pages.count
        let pages = "\(total) page\(total == 1 ? "" : "s")"
        guard rebuilt else { return "Built \(pages) in \(milliseconds) ms" }
        return "Rebuilt \(outcome.renderedPages) of \(pages) in \(milliseconds) ms"
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
