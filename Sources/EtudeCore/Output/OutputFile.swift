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
        let file = try Stream(path)
        try file.write(buffer)
        try file.close()
    }

    /// A file of the output written a piece at a time (the report, chapter by chapter).
    final class Stream {
        let path: String
        private var descriptor: Int32

        init(_ path: String) throws {
            self.path = path
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        }

        deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

        func write(_ text: String) throws {
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }

        func write(_ buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                offset += written
            }
        }

        func close() throws {
            let result = Foundation.close(descriptor)
            descriptor = -1
            if result != 0 { throw Failure(path: path, code: errno) }
        }
    }

    /// A file that could not be written, with the system's reason.
    struct Failure: LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
