import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attributes of a built file read through a read-only mapping of it, each page of the
/// mapping given back once the scan is a mebibyte past it: the report of a 10,000-page
/// site (55 MB) is checked without being in memory whole. The same attributes, in the same
/// order, as `HTMLText.attributes(_:inUTF8:)` of the file's bytes.
enum MappedAttributeScan {
    /// Bytes kept mapped behind the scan (it may look back a little; a page given back is
    /// read again from the file if it does).
    static let behind = 1 << 20

    /// Calls `visit` with each attribute of `names` in the file at `path`; false when the
    /// file cannot be opened or mapped (nothing visited).
    static func attributes(_ names: Set<String>, inFileAt path: String, _ visit: (_ name: String, _ value: String) -> Void) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let size = Int(status.st_size)
        guard size > 0 else { return true }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != UnsafeMutableRawPointer(bitPattern: -1) else { return false }
        defer { munmap(mapping, size) }
        let bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)
        var released = 0
        HTMLText.scanAttributes(names, in: bytes, markEvery: behind, mark: { position, _ in
            let end = max(0, position - behind) / page * page
            guard end > released else { return }
            madvise(mapping + released, end - released, Int32(MADV_DONTNEED))
            released = end
        }) { hit in
            visit(hit.name, String(decoding: UnsafeBufferPointer(rebasing: bytes[hit.value]), as: UTF8.self))
        }
        return true
    }
}
