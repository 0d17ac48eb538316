import Foundation

/// What each thread working on a piece of an export gave, filled from several threads.
final class ThreadResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Value?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Value) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
