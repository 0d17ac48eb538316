import Foundation

/// The one place that writes the output folder. Everything is written to a temporary
/// folder beside it first; only a complete build is swapped in, so a failed build
/// leaves the previous output as it was.
public struct OutputWriter {
    public let destination: URL

    public init(destination: URL) {
        self.destination = destination
    }

    /// Files by path relative to the output root. `finish` may add files to the complete
    /// staged folder before it is swapped in; if it throws, nothing is swapped.
    public func write(_ files: [String: Data], finish: (URL) throws -> Void = { _ in }) throws {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try finish(staging)
            if fileManager.fileExists(atPath: destination.path) {
                try? fileManager.removeItem(at: previous)
                try fileManager.moveItem(at: destination, to: previous)
                do {
                    try fileManager.moveItem(at: staging, to: destination)
                } catch {
                    try? fileManager.moveItem(at: previous, to: destination)
                    throw error
                }
                try fileManager.removeItem(at: previous)
            } else {
                try fileManager.moveItem(at: staging, to: destination)
            }
        } catch let diagnostic as Diagnostic {
            try? fileManager.removeItem(at: staging)
            throw diagnostic
        } catch {
            try? fileManager.removeItem(at: staging)
            throw Diagnostic(file: destination.path, message: "cannot write the output: \(error.localizedDescription)")
        }
    }
}
