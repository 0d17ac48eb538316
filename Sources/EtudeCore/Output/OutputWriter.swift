import Foundation

/// The one place that writes the output folder. Everything is written to a temporary
/// folder beside it first; only a complete build is swapped in, so a failed build
/// leaves the previous output as it was. Files the previous build did not write are
/// carried over into the new output, and `.etude-manifest` lists the ones it wrote.
public struct OutputWriter {
    /// A destination `OutputGuard` accepted.
    public let target: OutputGuard.Target
    /// Files derived from another one (the PDF of the report): kept from the previous
    /// output while their source is byte-identical, else removed as stale.
    public var derivedFiles: [String: String] = [ReportPrinter.pdfPath: ReportBuilder.outputPath]

    /// Which files of the previous build survive although this one does not write them.
    public var keep: OutputKeepRule

    public init(target: OutputGuard.Target, keep: OutputKeepRule = OutputKeepRule()) {
        self.target = target
        self.keep = keep
    }

    /// What writing did besides writing the build's files.
    public struct Outcome: Sendable {
        /// Files of the previous build removed because what they derive from changed.
        public var removedStale: [String] = []
    }

    /// Files by path relative to the output root. `finish` may add files to the complete
    /// staged folder before it is swapped in; if it throws, nothing is swapped.
    @discardableResult
    public func write(_ files: [String: Data], finish: (URL) throws -> Void = { _ in }) throws -> Outcome {
        try write(files, into: nil, finish: finish)
    }

    /// `write(_:finish:)` into `staged`, the staged folder already holding the files
    /// written while rendering (the pages); nil makes it here.
    func write(_ files: [String: Data], into staged: OutputStaging?, finish: (URL) throws -> Void) throws -> Outcome {
        let fileManager = FileManager.default
        let destination = target.folder
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging = staged?.folder ?? OutputStaging.folder(for: destination)
        let previous = parent.appendingPathComponent(".\(name).previous-\(ProcessInfo.processInfo.processIdentifier)")
        var outcome = Outcome()
        var carried: OutputCarryOver?
        do {
            if staged == nil {
                try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
                try? fileManager.removeItem(at: staging)
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(data, to: url)
            }
            try finish(staging)
            let exists = fileManager.fileExists(atPath: destination.path)
            var written = try Self.files(under: staging)
            var kept: Set<String> = []
            for path in target.previousFiles.subtracting(written).sorted()
            where fileManager.fileExists(atPath: destination.appendingPathComponent(path).path) {
                if keep.keeps(path) {
                    kept.insert(path)
                } else if let source = derivedFiles[path] {
                    if SameBytes.files(destination.appendingPathComponent(source).path, staging.appendingPathComponent(source).path) {
                        kept.insert(path)
                    } else {
                        outcome.removedStale.append(path)
                    }
                }
            }
            written.append(contentsOf: kept)
            try OutputFile.write(OutputManifest.data(listing: written), to: staging.appendingPathComponent(OutputManifest.fileName))
            if exists {
                carried = OutputCarryOver(previous: destination, staging: staging, previousFiles: target.previousFiles,
                                          keep: kept, force: target.force, shownAs: target.shownAs)
                try carried!.carry()
                try? fileManager.removeItem(at: previous)
                try fileManager.moveItem(at: destination, to: previous)
                do {
                    try fileManager.moveItem(at: staging, to: destination)
                } catch {
                    try? fileManager.moveItem(at: previous, to: destination)
                    throw error
                }
                try? fileManager.removeItem(at: previous)
            } else {
                try fileManager.moveItem(at: staging, to: destination)
            }
        } catch {
            // Give back what was carried over before the staged folder goes.
            if let carried, !carried.undo() {
                throw carried.leftBehind()
            }
            if let staged { staged.discard() } else { try? fileManager.removeItem(at: staging) }
            if error is Diagnostic || error is BuildFailure { throw error }
            throw Diagnostic(file: target.shownAs, message: "cannot write the output: \(error.localizedDescription)")
        }
        return outcome
    }

    /// Every regular file under `folder`, by path relative to it.
    static func files(under folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        for case let path as String in enumerator {
            guard let kind = FileKind.at(folder.appendingPathComponent(path).path) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.appendingPathComponent(path).path])
            }
            if kind != .folder { paths.append(path) }
        }
        return paths
    }
}
