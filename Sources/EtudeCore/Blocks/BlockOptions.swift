/// The `name: value` lines of a fenced block such as ```` ```chart ````, read and checked.
struct BlockOptions {
    let block: String
    let file: String
    /// Where the fence opens, for errors about the block as a whole.
    let origin: SourcePosition
    private(set) var values: [String: String] = [:]

    /// Reads `content`; an unknown, repeated or malformed option is an error at its line.
    init(_ content: String, block: String, allowed: [String], file: String, at origin: SourcePosition) throws {
        self.block = block
        self.file = file
        self.origin = origin
        for (offset, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmed(.whitespaces)
            let position = SourcePosition(line: origin.line + 1 + offset, column: 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw Diagnostic(file: file, at: position, message: "\(block) option '\(line)' has no value; write 'name: value'")
            }
            let name = line[..<colon].trimmed(.whitespaces)
            let value = line[line.index(after: colon)...].trimmed(.whitespaces)
            guard allowed.contains(name) else {
                throw Diagnostic(file: file, at: position, message: "unknown \(block) option '\(name)'\(Suggestion.didYouMean(name, among: allowed)) (options: \(allowed.joined(separator: ", ")))")
            }
            guard values[name] == nil else {
                throw Diagnostic(file: file, at: position, message: "\(block) option '\(name)' is given twice")
            }
            values[name] = value
        }
    }

    /// A non-empty option, or an error saying what to add.
    func required(_ name: String, _ hint: String) throws -> String {
        guard let value = values[name], !value.isEmpty else {
            throw Diagnostic(file: file, at: origin, message: "the \(block) \(hint)")
        }
        return value
    }
}
