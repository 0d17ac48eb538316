#if canImport(Glibc)
import Glibc
import Foundation

/// Tells that something changed under the watched folders, through Linux's inotify: one
/// watch per folder, added for every folder below them, and for each folder created later.
/// Only says *that* something happened; `ProjectWatcher` then compares snapshots to know what.
final class InotifyEvents: @unchecked Sendable {
    private let descriptor: Int32
    /// Watched folders by watch descriptor, to add watches under a folder created in them.
    private var folders: [Int32: String] = [:]
    /// The project folder's own watch, which only tells when one of `names` appears or goes.
    private var projectWatch: Int32 = -1
    private let names: [String]
    private let lock = NSLock()
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify cannot be used (no more instances or watches allowed, say): then
    /// the caller polls. `project`, watched too, tells when one of `folders` is created.
    init?(project: URL, folders names: [String]) {
        self.names = names
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        projectWatch = inotify_add_watch(descriptor, project.path, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR))
        guard projectWatch >= 0 else {
            close(descriptor)
            return nil
        }
        folders[projectWatch] = project.path
        for name in names where !watchTree(project.appendingPathComponent(name).path) {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Reads every event waiting, without blocking; true when there was any. Adds watches
    /// for the folders created meanwhile (and under them).
    func drain() -> Bool {
        var any = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return any }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                // In the project folder, only the watched folders matter (not output/).
                if event.wd == projectWatch, !names.contains(name) { continue }
                any = true
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = lock.withLock({ folders[event.wd] }), !name.isEmpty {
                    _ = watchTree(parent + "/" + name)
                }
            }
        }
    }

    /// Watches `path` and every folder under it; a missing one is fine (created later, the
    /// project's watch sees it). False when the system refuses a watch.
    private func watchTree(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return true }
        guard watch(path, mask: Self.mask) else { return false }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return true }
        for case let relative as String in enumerator {
            let child = path + "/" + relative
            var childIsFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &childIsFolder), childIsFolder.boolValue, !watch(child, mask: Self.mask) {
                return false
            }
        }
        return true
    }

    private func watch(_ path: String, mask: UInt32) -> Bool {
        let id = inotify_add_watch(descriptor, path, mask)
        guard id >= 0 else { return false }
        lock.withLock { folders[id] = path }
        return true
    }
}
#endif
