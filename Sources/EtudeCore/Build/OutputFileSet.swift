import Foundation

/// The files a build writes, by path relative to the output root, each with what wrote it.
/// Two sources written to the same path (a page named like the report, an asset named like
/// a page) would silently lose one of them, so that is an error naming both.
/// Given a staged folder, it writes the pages' files and the report there at once and keeps
/// only their paths.
struct OutputFileSet {
    /// What produced a file, as a user knows it.
    enum Origin: Equatable {
        case page(String)
        case asset(String)
        case report
        case export

        var name: String {
            switch self {
            case .page(let source): return source
            case .asset(let source): return source
            case .report: return "the printable report"
            case .export: return "the export of the figures"
            }
        }
    }

    /// The files kept in memory: every file, or all but those written to `staging`.
    private(set) var files: [String: Data] = [:]
    private var origins: [String: Origin] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// Where the files of pages are written as soon as they are added (the staged folder
    /// of a build), so that the pages are never all in memory at once; nil keeps them.
    let staging: URL?
    /// The output as the user gave it, for messages.
    let shownAs: String

    init(writingPagesInto staging: URL? = nil, shownAs: String = "output") {
        self.staging = staging
        self.shownAs = shownAs
    }

    mutating func add(_ path: String, _ data: Data, from origin: Origin) {
        if staging != nil, case .page = origin { return add([(path, data, origin)]) }
        if let first = origins[path] {
            diagnostics.append(collision(at: path, first: first, second: origin))
            return
        }
        files[path] = data
        origins[path] = origin
    }

    /// A file that `write` writes itself into the staged folder, given its path there (the
    /// report, a chapter at a time); false, with nothing claimed, when there is no staged
    /// folder, the path is taken, the file cannot be written there, or `write` declines
    /// (returns false): then the caller adds it as a whole.
    mutating func addWritten(_ path: String, from origin: Origin, _ write: (String) throws -> Bool) throws -> Bool {
        guard let staging, origins[path] == nil else { return false }
        let url = staging.appendingPathComponent(path)
        guard (try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)) != nil else { return false }
        do {
            guard try write(url.path) else { return false }
        } catch is OutputFile.Failure {
            return false
        }
        origins[path] = origin
        return true
    }

    /// A text file (the report): given a staged folder, written there from the string at
    /// once and not kept, as a page is; else kept as `add` keeps it.
    mutating func add(_ path: String, text: String, from origin: Origin) {
        guard let staging else { return add(path, Data(text.utf8), from: origin) }
        if let first = origins[path] {
            diagnostics.append(collision(at: path, first: first, second: origin))
            return
        }
        origins[path] = origin
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(text, to: url)
        } catch {
            diagnostics.append(Diagnostic(file: shownAs, message: "cannot write the output: \(error.localizedDescription)"))
        }
    }

    /// `add` for many files at once: their paths are claimed in order (a path already
    /// claimed is an error, as with `add`); given a staged folder, the files of pages are
    /// then written there on every core, their folders made first on one thread.
    mutating func add(_ batch: [(path: String, data: Data, origin: Origin)]) {
        var claimed: [(path: String, data: Data)] = []
        for file in batch {
            guard staging != nil, case .page = file.origin else {
                add(file.path, file.data, from: file.origin)
                continue
            }
            if let first = origins[file.path] {
                diagnostics.append(collision(at: file.path, first: first, second: file.origin))
                continue
            }
            origins[file.path] = file.origin
            claimed.append((file.path, file.data))
        }
        guard let staging, !claimed.isEmpty else { return }
        let folders = Set(claimed.map { staging.appendingPathComponent($0.path).deletingLastPathComponent() })
        let failures = folders.sorted { $0.path < $1.path }.compactMap { folder in
            Swift.Result { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }.failure
        } + ParallelMap.map(claimed) { file in
            Swift.Result { try OutputFile.write(file.data, to: staging.appendingPathComponent(file.path)) }.failure
        }.compactMap { $0 }
        if let failure = failures.first {
            diagnostics.append(Diagnostic(file: shownAs, message: "cannot write the output: \(failure.localizedDescription)"))
        }
    }

    /// Every path added, in memory or written.
    var paths: Dictionary<String, Origin>.Keys { origins.keys }

    func contains(_ path: String) -> Bool {
        origins[path] != nil
    }

    /// Where a file written into `staging` is, nil for a file kept in memory.
    func stagedPath(of path: String) -> String? {
        guard let staging, files[path] == nil, origins[path] != nil else { return nil }
        return staging.appendingPathComponent(path).path
    }

    /// The bytes of a file, read back from `staging` when it was written there.
    func data(at path: String) -> Data? {
        if let data = files[path] { return data }
        guard let staging, origins[path] != nil else { return nil }
        return try? Data(contentsOf: staging.appendingPathComponent(path))
    }

    /// The error sits in the user's file: the page if one is involved, else the asset.
    private func collision(at path: String, first: Origin, second: Origin) -> Diagnostic {
        let (mine, other): (Origin, Origin)
        switch (first, second) {
        case (.page, _): (mine, other) = (first, second)
        case (_, .page): (mine, other) = (second, first)
        case (.asset, _): (mine, other) = (first, second)
        default: (mine, other) = (second, first)
        }
        let file: String
        switch mine {
        case .page(let source), .asset(let source): file = source
        default: file = "output"
        }
        let fix: String
        switch mine {
        case .page: fix = "rename the page or give it another 'slug:'"
        default: fix = "rename one of them"
        }
        return Diagnostic(file: file, line: nil, message: "this would be written to \(path), which \(other.name) also writes; \(fix)")
    }
}

extension Swift.Result {
    /// The error, if any.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
