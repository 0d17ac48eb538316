import Foundation

/// The files a build writes, by path relative to the output root, each with what wrote it.
/// Two sources written to the same path (a page named like the report, an asset named like
/// a page) would silently lose one of them, so that is an error naming both.
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

    private(set) var files: [String: Data] = [:]
    private var origins: [String: Origin] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    mutating func add(_ path: String, _ data: Data, from origin: Origin) {
        if let first = origins[path] {
            diagnostics.append(collision(at: path, first: first, second: origin))
            return
        }
        files[path] = data
        origins[path] = origin
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
