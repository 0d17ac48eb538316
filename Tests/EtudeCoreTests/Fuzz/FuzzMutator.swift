import Foundation

/// A small seeded generator (SplitMix64): the same seed gives the same mutations on every
/// machine, so a failing case can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Damages copies of a project's files in the ways users and accidents do: flipped bytes,
/// cut files, repeated lines, huge numbers, deep nesting, odd characters. Each mutation
/// is described in words so that a failure says what was done.
struct FuzzMutator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let numbers = [
        "1e308", "-1e308", "10000000000000000000", "9223372036854775808", "inf", "-inf", "nan", ".nan", "0x137",
        "53.12345678901234567890", "1e-400", "-0", "+5", "0.5", "-1", "1_000", "0o17", "1:30", "999999999999.999999",
        "4294967296", "00000000000000000000001", "1.", ".5", "1e3", "٣", "1,5",
    ]

    static let specials: [[UInt8]] = {
        var list: [[UInt8]] = (0xE000...0xE005).map { Array(String(Unicode.Scalar($0)!).utf8) }
        list += [[0], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xFF], [0xC3], Array("\r\n".utf8), [0x0D],
                 [0xEF, 0xBB, 0xBF], Array("\t".utf8)]
        list += ["{{", "}}", "{{{", "}}}", "|", "`", "```", "```chart\n", "```items\n", "```sources\n", "```catalogue\n",
                 "**", "***", "___", "_", "*", "~~", "[^1]", "[^1]: x\n", "<", ">", "&", "\"", "'", ":", ": ", "#", "---\n",
                 "- ", "? ", "&a ", "*a", "!!int ", "%", "\\", "[", "]", "{", "}", ",", "{{> partials/footer}}",
                 "{{>*x}}", "{{=<% %>=}}", "{{#site}}", "{{/site}}", "{{< layout}}{{/layout}}", "{{ respondents }}",
                 "{{ respondents | margin }}", "{{ nothing.here }}", "{{ respondents | decimals:9 }}", "](", "[x](",
                 "<script>", "<!--", "-->", "&#0;", "&#x110000;", "&#xE000;-1&#xE001;", "&#57348;", "&#xe002;", "\u{202F}", "\u{00A0}", "\u{200B}", "é", "🙂",
                 "\u{0301}", "\u{FEFF}", "\u{2028}", "#", "## ", "###### ", "> ", "1. ", "|---|---|\n", "<div>",
                 "$", "{{$x}}", "{{^x}}", "{{!", "{{&x}}", "../", "/", "%20", "\u{7F}"].map { Array($0.utf8) }
        return list
    }()

    /// Applies one random mutation to `bytes`; returns its description.
    mutating func mutate(_ bytes: inout [UInt8]) -> String {
        let position = { (random: inout SplitMix64, count: Int) in count == 0 ? 0 : Int.random(in: 0...count, using: &random) }
        switch Int.random(in: 0..<11, using: &random) {
        case 0:
            guard !bytes.isEmpty else { return "flip (empty file)" }
            let index = Int.random(in: 0..<bytes.count, using: &random)
            let mask = UInt8(1) << UInt8.random(in: 0...7, using: &random)
            bytes[index] ^= mask
            return "flip bit \(mask) of byte \(index)"
        case 1:
            let cut = position(&random, bytes.count)
            bytes.removeSubrange(cut...)
            return "truncate at \(cut)"
        case 2:
            var lines = split(bytes)
            guard !lines.isEmpty else { return "duplicate (empty file)" }
            let start = Int.random(in: 0..<lines.count, using: &random)
            let end = min(lines.count, start + Int.random(in: 1...8, using: &random))
            // Now and then thousands of copies, to find work that grows faster than the input.
            let block = Array(lines[start..<end])
            // …but no file beyond about a megabyte, nor 3000 copies: building 4 MB of Markdown, or
            // 3000 catalogue blocks (27 MB of HTML), takes 10 to 18 s in a debug build, linear
            // work but too close to the time limit on a busy machine.
            let blockSize = block.reduce(0) { $0 + $1.count + 1 }
            let copies = min([1, 2, 3, 1, 2, 3, 300, 1000].randomElement(using: &random)!, max(1, 1_000_000 / max(1, blockSize)))
            for _ in 0..<copies { lines.insert(contentsOf: block, at: end) }
            bytes = join(lines)
            return "duplicate lines \(start)..<\(end) \(copies) times"
        case 3:
            var lines = split(bytes)
            guard !lines.isEmpty else { return "delete (empty file)" }
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines.remove(at: index)
            bytes = join(lines)
            return "delete line \(index)"
        case 4:
            let number = Self.numbers.randomElement(using: &random)!
            // Replaces a run of digits, or else inserts the number somewhere.
            let starts = bytes.indices.filter { isDigit(bytes[$0]) && ($0 == 0 || !isDigit(bytes[$0 - 1])) }
            if let start = starts.randomElement(using: &random) {
                var end = start
                while end < bytes.count && (isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".")) { end += 1 }
                bytes.replaceSubrange(start..<end, with: Array(number.utf8))
                return "number at \(start) → \(number)"
            }
            let at = position(&random, bytes.count)
            bytes.insert(contentsOf: Array(number.utf8), at: at)
            return "insert number \(number) at \(at)"
        case 5:
            let count = [70, 200, 1000, 10_000].randomElement(using: &random)!
            let unit = ["[", "{", "[a, ", "- ", "? ", "{{#a}}", "{{^a}}", "> ", "* ", "1. ", "<div>", "**", "[", "("]
                .randomElement(using: &random)!
            let at = position(&random, bytes.count)
            var insert = Array(String(repeating: unit, count: count).utf8)
            if Bool.random(using: &random) { insert = Array("x: ".utf8) + insert + [UInt8(ascii: "\n")] }
            bytes.insert(contentsOf: insert, at: at)
            return "nest \(count) × '\(unit)' at \(at)"
        case 6:
            var lines = split(bytes)
            let depth = [70, 150].randomElement(using: &random)!
            let ladder = (0..<depth).map { Array((String(repeating: " ", count: $0) + "k\($0):").utf8) }
            let at = Int.random(in: 0...lines.count, using: &random)
            lines.insert(contentsOf: ladder, at: at)
            bytes = join(lines)
            return "indentation ladder of \(depth) at line \(at)"
        case 7, 8:
            let special = Self.specials.randomElement(using: &random)!
            let at = position(&random, bytes.count)
            let times = Int.random(in: 1...3, using: &random)
            for _ in 0..<times { bytes.insert(contentsOf: special, at: at) }
            return "insert \(times) × \(special) at \(at)"
        case 9:
            let length = [1000, 100_000].randomElement(using: &random)!
            let at = position(&random, bytes.count)
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: length), at: at)
            return "long line of \(length) at \(at)"
        default:
            var lines = split(bytes)
            guard lines.count > 1 else { return "swap (one line)" }
            let a = Int.random(in: 0..<lines.count, using: &random), b = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(a, b)
            bytes = join(lines)
            return "swap lines \(a) and \(b)"
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.isEmpty ? [] : bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    private func join(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
