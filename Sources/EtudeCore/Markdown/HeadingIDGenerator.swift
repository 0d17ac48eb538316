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
        // Most headings are ASCII: folding them needs no Unicode transform, which is slow.
        let folded = text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "Œ", with: "oe").replacingOccurrences(of: "Æ", with: "ae")
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? text.lowercased()
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
