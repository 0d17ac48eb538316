/// Reads every number typed by the user (figure values, bases, CSV counts, `order:`)
/// with one strict syntax, so that no later conversion or formatting can overflow.
///
/// Accepted: plain decimal notation, an optional leading `-`, digits, and optionally a
/// point followed by digits (`311`, `53.5`, `-2`). Rejected: hexadecimal (`0x137`),
/// exponents (`1e3`), `inf`, `nan`, a leading `+`, `_` separators, commas, `.5`, `5.`.
/// Bounded: at most `maximumIntegerDigits` digits before the point and
/// `maximumDecimals` after it, so every value is below 10^9, has at most 15 significant
/// digits (which a `Double` holds exactly), and scaled by 10^6 still fits an `Int`.
enum NumberReader {
    static let maximumIntegerDigits = 9
    static let maximumDecimals = 6

    /// A number as typed: its value and its number of decimals.
    struct Number: Equatable {
        var value: Double
        var decimals: Int
        var isWhole: Bool { value == value.rounded() }
    }

    /// Why a text is not an accepted number; `reason` completes "value 'x' of 'k' …".
    enum Problem: Error, Equatable {
        case notPlainDecimal(commaUsed: Bool)
        case tooManyDigits(Int)
        case tooManyDecimals(Int)

        var reason: String {
            switch self {
            case .notPlainDecimal(true):
                return "is not a number; write decimals with a point (53.5), not a comma"
            case .notPlainDecimal(false):
                return "is not a plain decimal number; write digits with a point for decimals, such as 311 or 53.5"
            case .tooManyDigits(let count):
                return "has \(count) digits before the point; Étude reads numbers of at most \(NumberReader.maximumIntegerDigits) digits (below 1 000 000 000)"
            case .tooManyDecimals(let count):
                return "has \(count) decimals; write at most \(NumberReader.maximumDecimals) digits after the point"
            }
        }
    }

    /// Whether `text` is meant as a number in some other notation (`0x137`, `1e3`, `inf`,
    /// `53,5`), so that it gets a number's error rather than being taken for a name.
    static func looksLikeNumber(_ text: String) -> Bool {
        let raw = text.trimmed(.whitespaces).lowercased()
        // Every notation starts, after a sign and a point, with a digit, `i` or `n`: any
        // other ASCII character answers at once (most texts; compiling the patterns took
        // 3 % of a rebuild).
        let start = raw.drop { $0 == "-" || $0 == "+" }.prefix(2).drop { $0 == "." }.first
        guard let start, !(start.isASCII && !start.isNumber && start != "i" && start != "n") else { return false }
        return raw.wholeMatch(of: /[-+]?(\d[\d_,]*\.?\d*|\.\d+)(e[-+]?\d+)?/) != nil
            || raw.wholeMatch(of: /[-+]?0[xob][0-9a-f_]+/) != nil
            || raw.wholeMatch(of: /[-+]?\.?(inf|infinity|nan)/) != nil
    }

    /// Reads `text` (surrounding spaces ignored) or says why it is not an accepted number.
    static func read(_ text: String) -> Result<Number, Problem> {
        let raw = text.trimmed(.whitespaces)
        var bytes = Substring(raw).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        var rest = bytes.dropFirst(integer.count)
        var fraction = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
            if fraction.isEmpty { return .failure(.notPlainDecimal(commaUsed: false)) }
        }
        guard !integer.isEmpty, rest.isEmpty else {
            return .failure(.notPlainDecimal(commaUsed: raw.contains(",")))
        }
        let significant = integer.drop { $0 == UInt8(ascii: "0") }
        if significant.count > maximumIntegerDigits { return .failure(.tooManyDigits(significant.count)) }
        if fraction.count > maximumDecimals { return .failure(.tooManyDecimals(fraction.count)) }
        guard let value = Double(raw), value.isFinite else { return .failure(.notPlainDecimal(commaUsed: false)) }
        return .success(Number(value: value == 0 ? 0 : value, decimals: fraction.count))
    }
}
