import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one file of the output: created or emptied, then filled. Foundation's
/// `Data.write` also waits for the disk after every file (`fsync`), which a site built
/// again from its sources does not need: on ext4 it was most of the time of writing a
/// rebuilt preview. The output stays atomic where it matters, by the swap of the staged
/// folder (`OutputWriter`) or a rename over the old file (`IncrementalBuilder`).
enum OutputFile {
    static func write(_ data: Data, to url: URL) throws {
        try write(data, toPath: url.path)
    }

    static func write(_ data: Data, toPath path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    /// A text's UTF-8 bytes, written from the string itself (a 10,000-page report is
    /// 100 MB: no copy of it as `Data`).
    static func write(_ text: String, to url: URL) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: url.path) }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        var failure: Int32?
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw Failure(path: path, code: failure) }
    }

    /// A file that could not be written, with the system's reason.
    struct Failure: LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
