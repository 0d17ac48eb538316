import Foundation

/// A template's output made around placeholders for its large HTML values (a page's content,
/// the chapters of the report), so that new values are put in without rendering the template
/// again: the text around the placeholders, and which value goes between each two pieces.
///
/// It stands for the template only where the template puts each value in as it is. That is
/// not assumed from the template's text but checked on two renders, each with its own
/// placeholders: the second must be the first with its placeholders exchanged. Placeholders
/// hold characters that escaping, case transforms and `reversed` change, a line break (a
/// partial's indentation), and the two sets differ in length (`count`), so a value escaped,
/// transformed or counted makes the two renders disagree. A section on a value tests only
/// whether it is empty: values are never empty. swift-mustache indents a partial's next
/// token after a line break, so a placeholder ends as its value does (`Ending`).
struct TemplateSkeleton {
    /// How a value ends as far as rendering can tell: whether the text ends with a line feed
    /// (`String.last == "\n"`), and what a line feed put right after it would make.
    enum Ending: Equatable {
        case lineFeed, carriageReturnLineFeed, carriageReturn, other

        init?(of value: String) {
            // At least two scalars: the last character of the output is then the value's own.
            var scalars = value.unicodeScalars.reversed().makeIterator()
            guard let last = scalars.next(), let before = scalars.next() else { return nil }
            switch (before, last) {
            case ("\r", "\n"): self = .carriageReturnLineFeed
            case (_, "\n"): self = .lineFeed
            case (_, "\r"): self = .carriageReturn
            default: self = .other
            }
        }

        var suffix: String {
            switch self {
            case .lineFeed: "\n"
            case .carriageReturnLineFeed: "\r\n"
            case .carriageReturn: "\r"
            case .other: ""
            }
        }
    }

    /// The placeholders of two renders for `values`, nil when a value cannot be stood for (empty, or too short).
    struct Placeholders {
        var endings: [Ending]
        var first: [String]
        var second: [String]

        init?(for values: [String]) {
            var endings: [Ending] = []
            for value in values {
                guard let ending = Ending(of: value) else { return nil }
                endings.append(ending)
            }
            self.endings = endings
            first = endings.indices.map { Self.placeholder($0, variant: 1, ending: endings[$0]) }
            second = endings.indices.map { Self.placeholder($0, variant: 2, ending: endings[$0]) }
        }

        static let opening = "\u{E010}<&\"'aA\n"
        static let closing = "\u{E011}"

        static func placeholder(_ index: Int, variant: Int, ending: Ending) -> String {
            opening + String(index) + String(repeating: "_", count: variant) + closing + ending.suffix
        }
    }

    private let pieces: [String]
    /// The value put in after each piece but the last.
    private let slots: [Int]
    private let endings: [Ending]

    /// The skeleton of `first` (rendered with `placeholders.first`), nil unless `second`
    /// (rendered with `placeholders.second`) is the same text around the same values.
    init?(first: String, second: String, placeholders: Placeholders) {
        var pieces: [String] = [], slots: [Int] = []
        let bytes = Array(first.utf8)
        let opening = Array(Placeholders.opening.utf8)
        var pieceStart = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == opening[0], bytes[index...].starts(with: opening),
                  let (slot, end) = Self.placeholder(in: bytes, at: index + opening.count, placeholders.first) else {
                index += 1
                continue
            }
            pieces.append(String(decoding: bytes[pieceStart..<index], as: UTF8.self))
            slots.append(slot)
            index = end
            pieceStart = end
        }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        self.pieces = pieces
        self.slots = slots
        endings = placeholders.endings
        guard Self.fill(pieces, slots, with: placeholders.second).utf8.elementsEqual(second.utf8) else { return nil }
    }

    /// The placeholder of `first` whose number starts at `start`, and where it ends.
    private static func placeholder(in bytes: [UInt8], at start: Int, _ first: [String]) -> (Int, Int)? {
        var end = start, number = 0
        while end < bytes.count, end - start < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
            number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
            end += 1
        }
        guard end > start, number < first.count else { return nil }
        let whole = Array(first[number].utf8)
        let from = start - Placeholders.opening.utf8.count
        guard bytes[from...].starts(with: whole) else { return nil }
        return (number, from + whole.count)
    }

    /// The output for `values`, nil when their number or how one ends differs from the values
    /// the skeleton was made for (then the template is rendered again).
    func filled(with values: [String]) -> String? {
        guard values.count == endings.count, zip(values, endings).allSatisfy({ Ending(of: $0) == $1 }) else { return nil }
        return Self.fill(pieces, slots, with: values)
    }

    /// Whether the output is `pieces[0]`, value 0, `pieces[1]`, value 1… each value once and
    /// in order: then it can be written a value at a time (see `piece(_:)`, `fits(_:at:)`).
    var putsEachValueOnceInOrder: Bool { slots == Array(endings.indices) }

    /// The text before value `index`; `piece(count)` is the text after the last.
    func piece(_ index: Int) -> String { pieces[index] }

    /// Whether `value` can stand at `index` in the output (it ends as the value the
    /// skeleton was made for: see `Ending`).
    func fits(_ value: String, at index: Int) -> Bool { Ending(of: value) == endings[index] }

    private static func fill(_ pieces: [String], _ slots: [Int], with values: [String]) -> String {
        var result = ""
        result.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + slots.reduce(0) { $0 + values[$1].utf8.count })
        for (piece, slot) in zip(pieces, slots) {
            result += piece
            result += values[slot]
        }
        result += pieces[pieces.count - 1]
        return result
    }
}
