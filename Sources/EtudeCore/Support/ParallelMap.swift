import Foundation

/// Work over the pages that touches no shared state (Markdown, templates, the
/// hand-typed-number finder), spread over the cores. Results come back in the input's
/// order, so the output is the same with one thread or several. (libcmark-gfm parses one
/// document at a time behind its own lock: see MarkdownRenderer.)
enum ParallelMap {
    /// Threads to use: `ETUDE_THREADS` when it is a whole number from 1 to 64, else one
    /// per core (the tests compare a build with 1 thread and with several).
    static var threads: Int {
        if let text = ProcessInfo.processInfo.environment["ETUDE_THREADS"], let count = Int(text), (1...64).contains(count) { return count }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `items.map(transform)`, computed on `threads` threads; `transform` must only read
    /// shared values.
    static func map<T, R>(_ items: [T], threads: Int = ParallelMap.threads, _ transform: (T) -> R) -> [R] {
        guard threads > 1, items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let workers = min(threads, items.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                // Each worker writes its own indices (worker, worker + workers, …): no two
                // write the same slot, and the items and `transform` are only read.
                nonisolated(unsafe) let (items, buffer, transform) = (items, buffer, transform)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var index = worker
                    while index < items.count {
                        buffer[index] = transform(items[index])
                        index += workers
                    }
                }
            }
        }
        return results.compactMap { $0 }
    }
}
