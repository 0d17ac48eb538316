import Foundation

/// Work over the pages that touches no shared state (Markdown, templates, the
/// hand-typed-number finder), spread over the cores. Results come back in the input's
/// order, so the output is the same with one thread or several. (libcmark-gfm parses one
/// document at a time behind its own lock: see MarkdownRenderer.)
enum ParallelMap {
    /// Threads to use: `ETUDE_THREADS` when it is a whole number from 1 to 64, else one
    /// per core (the tests compare a build with 1 thread and with several). Read once: the
    /// environment copied into a dictionary at each call was 4 % of a preview's rebuild.
    static let threads: Int = {
        if let text = getenv("ETUDE_THREADS").map({ String(cString: $0) }), let count = Int(text), (1...64).contains(count) { return count }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `items.map(transform)`, computed on `threads` threads; `transform` must only read
    /// shared values.
    static func map<T, R>(_ items: [T], threads: Int = ParallelMap.threads, _ transform: (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let workers = min(threads, items.count)
        // Each worker takes the next item not yet taken (items cost unequal times: a fixed
        // share each would leave one core idle) and writes its result in the item's own
        // slot: no two write the same slot, and the items and `transform` are only read.
        let next = NextItem()
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let (items, buffer, transform) = (items, buffer, transform)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while let index = next.take(below: items.count) { buffer[index] = transform(items[index]) }
                }
            }
        }
        return results.compactMap { $0 }
    }
}

/// Work done on another thread while the caller goes on, its result taken with `value()`,
/// which waits for it; with one thread, done at once. Whoever starts it takes its value
/// before the memos it writes are used again (a `defer` does it on every way out).
final class BackgroundWork<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    init(threads: Int = ParallelMap.threads, _ work: @escaping () throws -> T) {
        guard threads > 1 else {
            result = Result { try work() }
            done.signal()
            return
        }
        nonisolated(unsafe) let work = work
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The result, once the work is done (as often as asked).
    func value() throws -> T {
        done.wait()
        defer { done.signal() }
        return try result!.get()
    }
}

/// The index of the next item a worker of `ParallelMap` takes.
private final class NextItem: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
