import FlyingFox
import FlyingSocks
import Foundation

/// Tells every open page to reload, through server-sent events on `/__etude/events`.
/// Each listener gets its own stream; a closed page's stream is dropped when its write fails.
final class ReloadEvents: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<Data>.Continuation]>([:])

    /// A new listener's stream: a comment first, so that the browser sees the connection open.
    func subscribe() -> EventStream {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        continuation.yield(Data(": etude\n\n".utf8))
        continuation.onTermination = { [weak self] _ in self?.listeners.withLock { _ = $0.removeValue(forKey: id) } }
        listeners.withLock { $0[id] = continuation }
        return EventStream(stream: stream)
    }

    /// Sends `event: reload` to every open page.
    func reload() {
        let message = Data("event: reload\ndata: \(Date().timeIntervalSince1970)\n\n".utf8)
        listeners.withLock { $0.values.forEach { $0.yield(message) } }
    }
}

/// The bytes of one listener's events, as FlyingFox sends a body of unknown length (chunked).
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.AsyncIterator

        mutating func next() async throws -> UInt8? { nil }

        /// One whole event at a time, so that each is written as soon as it is sent.
        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            guard let data = await base.next() else { return nil }
            return Array(data)
        }
    }
}

/// A lock around a value (Synchronization's Mutex needs macOS 15; this builds everywhere).
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
