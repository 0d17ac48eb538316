import Foundation

/// Makes heading ids from their text, unique within a page: `Résultats clés` → `resultats-cles`,
/// then `resultats-cles-2` for a second heading with the same text.
///
/// Ids starting with `fn-` or `fnref-` belong to footnotes (libcmark-gfm writes `fn-<label>`,
/// `fnref-<label>` and `fnref-<label>-<n>`), so a heading whose slug falls there, or would
/// once numbered (`fn`, `fnref`), gets `section-` in front: `# fn 1` → `section-fn-1`.
public struct HeadingIDGenerator {
    private var used: Set<String>
    /// The next number to try for each base, so that many equal headings cost linear time.
    private var nextNumber: [String: Int] = [:]

    /// `reserved` ids are never given out (those the layout uses itself).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public static func slug(_ text: String) -> String {
        // Most headings are ASCII: folding them needs no Unicode transform, which is slow;
        // most others are made of scalars folded one at a time (see `ScalarFolding`).
        let folded = text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : ScalarFolding.shared.folded(text) ?? folded(text)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }

    /// The text a slug is made from: ligatures spelt out, diacritics removed, lower case.
    static func folded(_ text: String) -> String {
        text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "Œ", with: "oe").replacingOccurrences(of: "Æ", with: "ae")
            .strippingDiacritics().lowercased()
    }

    /// Whether `id` is in the footnotes' id space, or would enter it once numbered.
    static func isFootnoteID(_ id: String) -> Bool {
        id == "fn" || id == "fnref" || id.hasPrefix("fn-") || id.hasPrefix("fnref-")
    }

    public mutating func makeID(for text: String) -> String {
        var base = Self.slug(text)
        if Self.isFootnoteID(base) { base = "section-" + base }
        var id = base
        if used.contains(id) {
            // Each id taken by another heading is skipped at most once per base: linear.
            var number = nextNumber[base, default: 2]
            repeat {
                id = "\(base)-\(number)"
                number += 1
            } while used.contains(id)
            nextNumber[base] = number
        }
        used.insert(id)
        return id
    }
}

extension String {
    /// What Foundation's `applyingTransform(.stripDiacritics, reverse: false)` gives, without
    /// the transform's start-up (ICU's rules are compiled on first use: it dominated the
    /// default study's headings) when `self` is made only of scalars below U+0250 or of
    /// General Punctuation (U+2000–U+206F), none of them a combining mark: French headings.
    /// There the transform removes exactly the nonspacing marks of the canonical
    /// decomposition; each such scalar decomposes into a starter and marks, so no mark moves
    /// across two of them, and what is left (ASCII letters, or the scalar as it was) composes
    /// with nothing after it: one scalar at a time gives the whole. `ByteSearchTests` checks
    /// every such scalar and every pair of U+00A0–U+017F against the transform. Other text
    /// goes through the transform.
    func strippingDiacritics() -> String {
        let simple = unicodeScalars.allSatisfy { scalar in
            (scalar.value < 0x250 || (0x2000..<0x2070).contains(scalar.value)) && scalar.properties.canonicalCombiningClass == .notReordered
                && ![.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
        }
        guard simple else { return self.applyingTransform(.stripDiacritics, reverse: false) ?? self }
        var kept = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept).precomposedStringWithCanonicalMapping
    }
}

/// `HeadingIDGenerator.folded` one scalar at a time, each scalar's folding kept, for texts
/// where that gives the whole (Foundation's replacements and normalisations went through an
/// NSString for every heading of every page): every scalar is one `strippingDiacritics`
/// folds alone (below U+0250 or General Punctuation, no mark) and none joins the character
/// before it (no grapheme extender such as U+200D), so each character is one scalar (or
/// CR LF), the ligatures are replaced character by character, and lower case maps scalar by
/// scalar. `HeadingSlugTests` compares it with the whole folding on generated texts.
final class ScalarFolding: @unchecked Sendable {
    static let shared = ScalarFolding()
    init() {}
    private let lock = NSLock()
    private var kept: [UInt32: String] = [:]

    /// Nil when a scalar of `text` is not one this folding answers for.
    func folded(_ text: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            if let known = kept[scalar.value] {
                result += known
                continue
            }
            guard Self.foldsAlone(scalar) else { return nil }
            let folded = HeadingIDGenerator.folded(String(scalar))
            kept[scalar.value] = folded
            result += folded
        }
        return result
    }

    private static func foldsAlone(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return (scalar.value < 0x250 || (0x2000..<0x2070).contains(scalar.value)) && properties.canonicalCombiningClass == .notReordered
            && ![.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory) && !properties.isGraphemeExtend
    }
}
