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

extension ParallelMap {
    /// `(try first(), try second())`, the two on two threads when there are several: for two
    /// pieces of work that only read what they share. An error of `first` is thrown before
    /// one of `second`, as if they ran in turn.
    static func both<A, B>(threads: Int = ParallelMap.threads, _ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        guard threads > 1 else { return (try first(), try second()) }
        let results = BothResults<A, B>()
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let (first, second) = (first, second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { results.first = Result { try first() } } else { results.second = Result { try second() } }
                }
            }
        }
        return (try results.first!.get(), try results.second!.get())
    }
}

/// Where the two threads of `ParallelMap.both` each write their own result.
private final class BothResults<A, B>: @unchecked Sendable {
    var first: Result<A, any Error>?
    var second: Result<B, any Error>?
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
