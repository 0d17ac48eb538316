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

    /// The value of each slot and its input, in order: those kept in `memo` as they are, the
    /// others made on every core by `make` (given their index) and kept. Without a memo,
    /// every value is made.
    static func values(_ memo: SlotMemo?, slots: [String], inputs: [Input], make: (Int) -> Value) -> [Value] {
        var values = zip(slots, inputs).map { slot, input in memo?.kept(slot, for: input) }
        let missing = values.indices.filter { values[$0] == nil }
        for (index, value) in zip(missing, ParallelMap.map(missing, make)) {
            values[index] = value
            memo?.keep(value, slots[index], for: inputs[index])
        }
        return values.map { $0! }
    }
}
