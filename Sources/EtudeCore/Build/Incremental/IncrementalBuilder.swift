import Foundation

/// Builds a project again and again into a folder only it writes (the preview of
/// `etude serve`), doing again only what each change reaches (see `BuildCache`). The first
/// build, and any after a failed write, writes the folder as `etude build` does; later ones
/// write only the files whose bytes changed and remove those no longer built, so the folder
/// always holds what a full build would.
public final class IncrementalBuilder: @unchecked Sendable {
    public let project: Project
    public let includeDrafts: Bool
    public let folder: URL
    private let cache = BuildCache()
    /// What the folder holds, as the last build wrote it; nil when unknown.
    private var written: [String: Data]?
    /// The files the last write replaced, being removed on another core (see `replace`).
    private var removing: BackgroundWork<Void>?

    public init(project: Project, includeDrafts: Bool, folder: URL) {
        self.project = project
        self.includeDrafts = includeDrafts
        self.folder = folder
    }

    /// What one build did.
    public struct Outcome {
        public var result: SiteBuilder.Result
        /// Pages whose Markdown was rendered again (the others were reused).
        public var renderedPages: Int
        /// Files written or removed.
        public var changedFiles: Int
        /// Of the pages rendered again, those rendered ahead on another core and taken
        /// (their guessed context was right), and those rendered ahead in vain.
        var renderedAhead = (taken: 0, wasted: 0)
        /// Charts drawn again (the others were reused, see `ChartMemo`).
        var chartsDrawn = 0
        /// Pages and report whose template was not rendered again, only their new content put in (see `TemplateSkeleton`).
        var skeletonsFilled = 0
    }

    deinit { finishWriting() }

    /// Waits until the files the last build replaced are removed: the folder then holds
    /// only the site (call it before removing the folder).
    public func finishWriting() {
        _ = try? removing?.value()
        removing = nil
    }

    /// Builds into the folder; throws `BuildFailure` (the folder is then left as it was).
    public func build() throws -> Outcome {
        finishWriting()
        var builder = SiteBuilder(project: project, includeDrafts: includeDrafts)
        builder.cache = cache
        guard let previous = written else {
            let result = try builder.build(into: folder)
            written = result.files
            return Outcome(result: result, renderedPages: cache.renderedPages, changedFiles: result.files.count, renderedAhead: cache.memos.pageMemo.early,
                           chartsDrawn: cache.memos.charts.drawn, skeletonsFilled: cache.skeletonsFilled)
        }
        let result = try builder.render()
        written = nil
        let changed = try write(result.files, over: previous)
        written = result.files
        return Outcome(result: result, renderedPages: cache.renderedPages, changedFiles: changed, renderedAhead: cache.memos.pageMemo.early,
                       chartsDrawn: cache.memos.charts.drawn, skeletonsFilled: cache.skeletonsFilled)
    }

    /// Writes the files that differ from `previous`, each replaced at once (a reader never
    /// sees half a file), removes those gone and the folders they leave empty; returns how many.
    private func write(_ files: [String: Data], over previous: [String: Data]) throws -> Int {
        let manager = FileManager.default
        var changed = 0
        do {
            let replaced = files.sorted(by: { $0.key < $1.key }).filter { previous[$0.key] != $0.value }
            // Paths as strings: a URL per file (which asks the disk whether it is a folder) was a quarter of the writing.
            let root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
            for parent in Set(replaced.map { file in root + (file.key.lastIndex(of: "/").map { String(file.key[..<$0]) } ?? "") }) where FileKind.at(parent) != .folder {
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            let outcomes = ParallelMap.map(replaced) { path, data in Swift.Result { try Self.replace(root + path, with: data) } }
            // Removing a file costs a third of writing one: done while the browser loads the new ones.
            let oldFiles = outcomes.compactMap { (try? $0.get()) ?? nil }
            removing = BackgroundWork { oldFiles.forEach { unlink($0) } }
            for outcome in outcomes { _ = try outcome.get() }
            changed += replaced.count
            for path in previous.keys.sorted() where files[path] == nil {
                try manager.removeItem(at: folder.appendingPathComponent(path))
                changed += 1
                var parent = folder.appendingPathComponent(path).deletingLastPathComponent()
                while parent.path.count > folder.path.count, (try? manager.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
                    try manager.removeItem(at: parent)
                    parent = parent.deletingLastPathComponent()
                }
            }
            if Set(files.keys) != Set(previous.keys), let old = try Self.replace(folder.appendingPathComponent(OutputManifest.fileName).path, with: OutputManifest.data(listing: files.keys)) {
                unlink(old)
            }
        } catch {
            throw Diagnostic(file: folder.path, message: "cannot write the preview: \(error.localizedDescription)")
        }
        return changed
    }

    /// Writes `data` beside `url`, then renames it over `url`: a reader sees the old file or
    /// the new one, never half of one. (Foundation's atomic write also waits for the disk,
    /// which a preview, built again from its sources, does not need; so does a rename over
    /// a file on ext4, which an exchange of the two names followed by a removal avoids.)
    /// Returns the old file's new name, for the caller to remove, after an exchange.
    private static func replace(_ path: String, with data: Data) throws -> String? {
        let name = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = path[..<name] + "." + path[name...] + ".etude-" + UUID().uuidString
        try OutputFile.write(data, toPath: temporary)
        if let exchange = NameExchange.function, exchange(AT_FDCWD, temporary, AT_FDCWD, path, NameExchange.flag) == 0 {
            // The old file, now under the temporary name.
            return String(temporary)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic(file: path, message: "cannot replace the file: \(reason)")
        }
        return nil
    }
}

/// Linux's `renameat2` with `RENAME_EXCHANGE`, looked up at run time (Swift's Glibc module
/// leaves out GNU extensions); nil where the C library lacks it.
private enum NameExchange {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let flag: UInt32 = 1 << 1
    nonisolated(unsafe) static let function: Function? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()
}
