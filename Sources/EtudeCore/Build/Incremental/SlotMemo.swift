/// One value per slot (a page's path), kept from the earlier builds of a session and reused
/// while the input it was made from is the same: for pure work on a page's HTML, such as
/// a report chapter or the figures a page shows.
final class SlotMemo<Input: Equatable, Value> {
    private var kept: [String: (input: Input, value: Value)] = [:]

    func value(_ slot: String, for input: Input, make: () throws -> Value) rethrows -> Value {
        if let value = kept(slot, for: input) { return value }
        let value = try make()
        keep(value, slot, for: input)
        return value
    }

    /// The value kept for `slot` if it was made from `input`.
    func kept(_ slot: String, for input: Input) -> Value? {
        guard let entry = kept[slot], entry.input == input else { return nil }
        return entry.value
    }

    func keep(_ value: Value, _ slot: String, for input: Input) {
        kept[slot] = (input, value)
    }
}
