import Foundation

/// Makes heading ids from their text, unique within a page: `Résultats clés` → `resultats-cles`,
/// then `resultats-cles-2` for a second heading with the same text.
public struct HeadingIDGenerator {
    private var used: Set<String>
    /// For each slug, the next number to try: numbers below it are taken already, so a page
    /// of thousands of same-named headings costs no quadratic search.
    private var nextNumber: [String: Int] = [:]

    /// `reserved` ids are never given out (those the layout uses itself).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public static func slug(_ text: String) -> String {
        let folded = text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
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

    public mutating func makeID(for text: String) -> String {
        let base = Self.slug(text)
        var id = base
        var number = nextNumber[base] ?? 2
        while used.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        used.insert(id)
        return id
    }
}
