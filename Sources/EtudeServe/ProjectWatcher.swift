import EtudeCore
import Foundation

/// Notices saved files in the folders a build reads: told by the system on Linux (inotify,
/// `InotifyEvents`), else by polling their modification times and sizes. Either way what
/// changed is found by comparing snapshots, and a burst of saves gives one change: a change
/// is reported only once the folders have been quiet for `quiet`.
struct ProjectWatcher: Sendable {
    static let folders = ["content", "data", "templates", "static"]

    /// Every file's modification time and size, by path relative to the project.
    typealias Snapshot = [String: FileStamp]

    struct FileStamp: Equatable, Sendable {
        var modified: Date
        var size: Int
    }

    let project: URL
    var interval: Duration = .milliseconds(50)
    var quiet: Duration = .milliseconds(150)
    /// Polls even where the system could tell (tests of the fallback).
    var polling = false

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        let manager = FileManager.default
        for folder in Self.folders {
            let base = project.appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(atPath: base.path) else { continue }
            for case let path as String in enumerator {
                guard let attributes = try? manager.attributesOfItem(atPath: base.appendingPathComponent(path).path),
                      attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
                result[folder + "/" + path] = FileStamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                                        size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
            }
        }
        return result
    }

    /// Where the system can tell of changes, the events to read; nil to poll.
    func events() -> InotifyEvents? {
        #if canImport(Glibc)
        return polling ? nil : InotifyEvents(project: project, folders: Self.folders)
        #else
        return nil
        #endif
    }

    /// Waits until the folders differ from `known` and then stay still for `quiet`;
    /// returns the new snapshot. Returns nil when the task is cancelled. With `events`,
    /// the folders are looked at only after the system told of a change.
    func nextChange(after known: Snapshot, events: InotifyEvents? = nil) async -> Snapshot? {
        guard let events else { return await nextChangePolling(after: known) }
        // Looked at once anyway: what changed before the events were read (during a build) counts.
        var lastEvent: ContinuousClock.Instant? = .now
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return nil }
            if events.drain() { lastEvent = .now }
            guard let last = lastEvent, ContinuousClock.now - last >= quiet else { continue }
            lastEvent = nil
            let next = snapshot()
            if next != known { return next }
        }
        return nil
    }

    private func nextChangePolling(after known: Snapshot) async -> Snapshot? {
        var current = known
        var stillSince = ContinuousClock.now
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return nil }
            let next = snapshot()
            if next != current {
                current = next
                stillSince = .now
            } else if current != known, ContinuousClock.now - stillSince >= quiet {
                return current
            }
        }
        return nil
    }

    /// The files added, changed or removed between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
