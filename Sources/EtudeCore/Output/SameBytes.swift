import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether two files, or bytes and a file, hold the same bytes, read a mebibyte at a time:
/// the report of a 10,000-page site is 55 MB, and reading two of them whole to compare
/// them was the peak of a build's memory. False when a file cannot be read.
enum SameBytes {
    static let chunk = 1 << 20

    static func files(_ a: String, _ b: String) -> Bool {
        guard let first = File(a), let second = File(b), first.size == second.size else { return false }
        var left = [UInt8](repeating: 0, count: chunk), right = [UInt8](repeating: 0, count: chunk)
        while true {
            guard let count = first.read(into: &left), second.read(into: &right) == count else { return false }
            if count == 0 { return true }
            if memcmp(left, right, count) != 0 { return false }
        }
    }

    static func data(_ data: Data, file path: String) -> Bool {
        guard let file = File(path), file.size == data.count else { return false }
        var buffer = [UInt8](repeating: 0, count: chunk)
        var offset = 0
        while true {
            guard let count = file.read(into: &buffer) else { return false }
            if count == 0 { return offset == data.count }
            guard offset + count <= data.count,
                  data.withUnsafeBytes({ memcmp($0.baseAddress! + offset, buffer, count) }) == 0 else { return false }
            offset += count
        }
    }

    /// A file open for reading, closed with the value.
    private final class File {
        let descriptor: Int32
        let size: Int

        init?(_ path: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            var status = stat()
            guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
                if descriptor >= 0 { close(descriptor) }
                return nil
            }
            size = Int(status.st_size)
        }

        deinit { close(descriptor) }

        /// Fills `buffer` as far as the file goes: the bytes read (0 at its end), nil on an error.
        func read(into buffer: inout [UInt8]) -> Int? {
            var filled = 0
            while filled < buffer.count {
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if count == 0 { break }
                filled += count
            }
            return filled
        }
    }
}
