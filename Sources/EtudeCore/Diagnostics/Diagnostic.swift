import Foundation

/// One problem in the user's project, printed like a compiler's:
/// `content/resultats.md:12:8: error: unknown figure 'x'; did you mean 'y'?`
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Path relative to the project folder, as the user wrote it.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var severity: Severity = .error
    /// Lines quoted under the message, indented (the last lines a tool such as Chromium wrote).
    public var quotedLines: [String] = []

    /// An error stops a build; a warning is printed and the build goes on.
    public enum Severity: String, Sendable {
        case error, warning
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    static func warning(file: String, at location: SourcePosition?, _ message: String) -> Diagnostic {
        var diagnostic = Diagnostic(file: file, at: location, message: message)
        diagnostic.severity = .warning
        return diagnostic
    }

    public init(file: String, at location: SourcePosition?, message: String) {
        self.init(file: file, line: location?.line, column: location?.column, message: message)
    }

    /// The message on one line, whatever it quotes (a line break in user text is shown as
    /// `\n`), then any quoted lines, each indented on a line of its own.
    public var description: String {
        var position = file
        if let line { position += ":\(line)" }
        if let line = line, line > 0, let column { position += ":\(column)" }
        return "\(position): \(severity.rawValue): \(Self.oneLine(message))"
            + quotedLines.map { "\n    " + Self.oneLine($0) }.joined()
    }

    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.flatMap { $0.isNewline ? Array($0 == "\r\n" ? "\\r\\n" : $0 == "\r" ? "\\r" : "\\n") : [$0] })
    }
}

/// A build or check that found one or more problems; each is reported, none is fatal alone.
public struct BuildFailure: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }

    static func throwIfAny(_ diagnostics: [Diagnostic]) throws {
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
    }
}

/// Collects diagnostics so that one run reports every problem it can, not just the first.
struct DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen = Set<Diagnostic>()

    /// Records a problem once: the parts of a group share their group's errors.
    mutating func report(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Runs `body`, recording a thrown `Diagnostic` or `BuildFailure` instead of stopping.
    mutating func collect<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
        } catch let failure as BuildFailure {
            failure.diagnostics.forEach { report($0) }
        } catch {
            report(Diagnostic(file: "", message: "\(error)"))
        }
        return nil
    }

    /// Throws every collected diagnostic at once, if any.
    func throwIfAny() throws {
        try BuildFailure.throwIfAny(diagnostics)
    }
}

/// Suggests the closest known name for a misspelt one (Levenshtein distance).
enum Suggestion {
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        let characters = Array(name), limit = max(2, name.count / 2)
        for candidate in candidates {
            // The distance is at least the difference in length: skip hopeless candidates,
            // so that a name of 100 000 characters costs no quadratic comparison.
            let other = Array(candidate)
            if abs(other.count - characters.count) > limit { continue }
            let distance = editDistance(characters, other)
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        if let (candidate, distance) = best, distance <= limit { return candidate }
        // A truncated or extended name: the candidate sharing the longest prefix with it.
        return candidates.filter { $0.hasPrefix(name) || name.hasPrefix($0) }
            .max { ($0.commonPrefix(with: name).count, $1) < ($1.commonPrefix(with: name).count, $0) }
    }

    /// Appends "; did you mean 'x'?" when a close candidate exists.
    static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
