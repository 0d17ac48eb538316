import Foundation

/// What the link check read in each built file (its links, its ids) in the earlier builds
/// of a session: reused while the file's bytes are the same, and else read again only
/// where they changed (`AttributeScanMemo`).
final class HTMLScanMemo {
    private var scans: [String: (data: Data, ids: Set<String>, links: [String])] = [:]
    private let attributes = AttributeScanMemo()
    /// How many times the ids of each file changed, to tell whether a problem found
    /// with them still holds.
    private var idVersions: [String: Int] = [:]
    /// What `LinkChecker.problem` answered for a link written in a file, and the file
    /// whose ids it read (and their version then), while the site's files are the same.
    private var problems: [String: (answer: String?, idsOf: String?, version: Int)] = [:]
    private var world: LinkWorld?

    /// What every answer of the link check reads besides the ids: which files exist.
    struct LinkWorld: Equatable {
        var files: Set<String>
        var alsoExisting: Set<String>
        var drafts: [String: String]
    }

    /// Starts a link check of the files of `world`: forgets every answer if they changed.
    func begin(_ world: LinkWorld) {
        if self.world != world { problems = [:] }
        self.world = world
    }

    /// The answer about `link` in `path` from an earlier check, if the ids it read are
    /// the same (`ids(of:)` already called for them in this check); else `find`'s.
    func problem(_ link: String, in path: String, currentIDs: (String) -> Void,
                 find: () -> (answer: String?, idsOf: String?)) -> String? {
        let key = path + "\u{0}" + link
        if let kept = problems[key] {
            if let target = kept.idsOf { currentIDs(target) }
            if kept.idsOf.map({ idVersions[$0, default: 0] == kept.version }) ?? true { return kept.answer }
        }
        let found = find()
        problems[key] = (found.answer, found.idsOf, found.idsOf.map { idVersions[$0, default: 0] } ?? 0)
        return found.answer
    }

    /// The links of `LinkChecker.scanned(data)`.
    func links(of path: String, in data: Data?) -> [String] {
        data.map { scanned(path, $0).links } ?? []
    }

    /// The ids of `LinkChecker.scanned(data)`.
    func ids(of path: String, in data: Data?) -> Set<String> {
        data.map { scanned(path, $0).ids } ?? []
    }

    private func scanned(_ path: String, _ data: Data) -> (ids: Set<String>, links: [String]) {
        if let kept = scans[path], kept.data == data { return (kept.ids, kept.links) }
        return keep(path, data, found(path, data))
    }

    private func found(_ path: String, _ data: Data) -> (ids: Set<String>, links: [String]) {
        LinkChecker.split(attributes.attributes(LinkChecker.scannedNames, inUTF8: data, slot: path))
    }

    private func keep(_ path: String, _ data: Data, _ found: (ids: Set<String>, links: [String])) -> (ids: Set<String>, links: [String]) {
        if scans[path]?.ids != found.ids { idVersions[path, default: 0] += 1 }
        scans[path] = (data, found.ids, found.links)
        return found
    }

    /// Reads the files that changed since they were last read, on every core (each file in
    /// its own slot of the attribute memo), so that the check then finds them read.
    func read(_ files: [(path: String, data: Data)]) {
        let changed = files.filter { scans[$0.path]?.data != $0.data }
        for (file, found) in zip(changed, ParallelMap.map(changed) { found($0.path, $0.data) }) { _ = keep(file.path, file.data, found) }
    }
}
