import Foundation

/// A running `etude serve` for a test: started on a free port of 127.0.0.1, with its own
/// temporary folder (TMPDIR) so that a test can see the preview folder and check it is removed.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let temporary: URL
    private(set) var port: UInt16 = 0
    private let lock = NSLock()
    private var out = Data(), err = Data()

    init(project: URL, extraArguments: [String] = [], environment extra: [String: String] = [:]) throws {
        temporary = try TestSupport.temporaryDirectory()
        process.executableURL = TestSupport.etudeBinary
        process.arguments = ["serve", "--project", project.path, "--port", "0"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        environment.merge(extra) { $1 }
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
        try process.run()
        let line = try waitForOutput(containing: "Serving the preview at http://127.0.0.1:")
        let digits = line.split(separator: "127.0.0.1:").last?.prefix { $0.isNumber } ?? ""
        port = UInt16(digits) ?? 0
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Waits (at most `timeout` seconds) for the standard (or error) output to contain `text`; returns it.
    @discardableResult
    func waitForOutput(containing text: String, onErrorOutput: Bool = false, timeout: TimeInterval = 30) throws -> String {
        var deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let current = onErrorOutput ? stderr : stdout
            if current.contains(text) { return current }
            // An ended process's last bytes may still be on their way through the pipe.
            if !process.isRunning { deadline = min(deadline, Date().addingTimeInterval(1)) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServeTestError("no '\(text)' on the output of etude serve; stdout: \(stdout) stderr: \(stderr)")
    }

    /// The preview folders `etude serve` made in its TMPDIR.
    var previewFolders: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [])
            .filter { $0.hasPrefix("etude-preview-") }.map { temporary.appendingPathComponent($0) }
    }

    /// Sends SIGINT and waits (at most 10 s) for the process to end; returns its status.
    func interrupt() throws -> Int32 {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            process.terminate()
            throw ServeTestError("etude serve did not stop on SIGINT")
        }
        return process.terminationStatus
    }

    func get(_ rawPath: String) throws -> RawHTTP.Response {
        try RawHTTP.get(rawPath, port: port)
    }

    /// Opens the reload events, runs `change`, and waits for a reload event (at most `timeout` s).
    func waitForReload(timeout: TimeInterval = 20, after change: () throws -> Void) throws {
        let connection = try RawHTTP.Connection(port: port)
        try connection.send("GET /__etude/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _ = try connection.read(until: ": etude", timeout: 10)
        try change()
        _ = try connection.read(until: "event: reload", timeout: timeout)
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A tiny HTTP client over a socket: it sends paths exactly as written (URLSession would
/// normalise `..` and encoded characters away), and every read has a timeout.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    static func get(_ rawPath: String, port: UInt16) throws -> Response {
        let connection = try Connection(port: port)
        try connection.send("GET \(rawPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = try connection.readResponse(timeout: 10)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    final class Connection {
        private let socket: Int32
        private var received = Data()

        init(port: UInt16) throws {
            #if canImport(Glibc)
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard socket >= 0 else { throw ServeTestError("cannot open a socket") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { close(socket); throw ServeTestError("cannot connect to 127.0.0.1:\(port)") }
            var wait = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(socket) }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            guard write(socket, bytes, bytes.count) == bytes.count else { throw ServeTestError("cannot send the request") }
        }

        /// Reads until the received text contains `marker`.
        func read(until marker: String, timeout: TimeInterval) throws -> String {
            guard let text = try read(timeout: timeout, until: { $0.contains(marker) }) else {
                throw ServeTestError("no '\(marker)' within \(timeout) s; got: \(String(decoding: received, as: UTF8.self))")
            }
            return text
        }

        /// Reads a whole response: up to the end of the connection or of its Content-Length.
        func readResponse(timeout: TimeInterval) throws -> String {
            let complete: (String) -> Bool = { text in
                guard let end = text.range(of: "\r\n\r\n") else { return false }
                let head = text[..<end.lowerBound].lowercased()
                guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                      let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
                return text[end.upperBound...].utf8.count >= length
            }
            guard let text = try read(timeout: timeout, until: complete, acceptEnd: true) else {
                throw ServeTestError("no whole response within \(timeout) s")
            }
            return text
        }

        private func read(timeout: TimeInterval, until done: (String) -> Bool, acceptEnd: Bool = false) throws -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                let text = String(decoding: received, as: UTF8.self)
                if done(text) { return text }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count > 0 { received.append(contentsOf: buffer[0..<count]) }
                else if count == 0 { return acceptEnd ? String(decoding: received, as: UTF8.self) : nil }
            }
            return nil
        }
    }
}
