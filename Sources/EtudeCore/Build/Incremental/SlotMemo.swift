/// One value per slot (a page's path), kept from the earlier builds of a session and reused
/// while the input it was made from is the same: for pure work on a page's HTML, such as
/// a report chapter or the figures a page shows.
final class SlotMemo<Input: Equatable, Value> {
    private var kept: [String: (input: Input, value: Value)] = [:]

    func value(_ slot: String, for input: Input, make: () throws -> Value) rethrows -> Value {
        if let entry = kept[slot], entry.input == input { return entry.value }
        let value = try make()
        kept[slot] = (input, value)
        return value
    }
}
