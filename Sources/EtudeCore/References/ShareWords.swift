import Foundation

/// A share in the words prose uses for it, from the catalogue (`share.*`); in French: « près de la moitié », « plus des trois
/// quarts », « environ quatre sur dix ». The words follow the share as it is written
/// (rounded), so they never contradict the number beside them:
/// - within half a point of a landmark (10, 20, 25, 33 ⅓, 50, 66 ⅔, 75, 80, 90 %): the
///   landmark itself (« la moitié », « un tiers »);
/// - up to 3 points below it: « près de … »; up to 3 points above: « plus de … »;
/// - elsewhere: « environ N sur dix »; below 7 %: « moins d’un sur dix »; from 94 %:
///   « plus de neuf sur dix »; 0 and 100 %: « aucun », « tous ».
///
/// With a noun (`| words: répondants`, given in the plural), the noun takes its place:
/// « près de la moitié des répondants », « environ quatre répondants sur dix ».
struct ShareWords {
    let language: Language

    /// The landmarks, in percent, and the catalogue's name for each.
    static let landmarks: [(value: Double, name: String)] = [
        (10, "10"), (20, "20"), (25, "25"), (100.0 / 3, "33"), (50, "50"), (200.0 / 3, "67"), (75, "75"), (80, "80"), (90, "90"),
    ]

    private func text(_ key: String) -> String {
        ShareMessage(rawValue: "share." + key).map { language.messages[$0] } ?? key
    }

    /// `written` is the share as the page writes it, in percent.
    func phrase(for written: Double, feminine: Bool, noun: String?) -> String {
        let template: String
        if written <= 0 {
            template = text(noun == nil ? "zero" : "zero.noun")
        } else if written >= 100 {
            template = text("all")
        } else if written < 7 {
            template = text("below")
        } else if written >= 94 {
            template = text("above")
        } else {
            let nearest = Self.landmarks.min { abs(written - $0.value) < abs(written - $1.value) }!
            let gap = written - nearest.value
            if abs(gap) <= 0.5 {
                template = text(nearest.name)
            } else if gap < 0 && gap >= -3 {
                template = text(nearest.name + ".near")
            } else if gap > 0 && gap <= 3 {
                template = text(nearest.name + ".above")
            } else {
                let n = Int((written / 10).rounded(.toNearestOrAwayFromZero))
                let tens = n == 1 ? text("tens.1") : (language.smallNumberWords(n) ?? String(n))
                template = text("about").replacingOccurrences(of: "{tens}", with: tens)
            }
        }
        return fill(template, feminine: feminine, noun: noun)
    }

    private func fill(_ template: String, feminine: Bool, noun: String?) -> String {
        let singular = noun.map { $0.hasSuffix("s") || $0.hasSuffix("x") ? String($0.dropLast()) : $0 }
        let usesSingular = template.contains("{un}") || template.contains("{n1}")
        let word = { (name: String) in self.text("word." + name + (feminine ? ".feminine" : "")) }
        var text = template
        text = text.replacingOccurrences(of: "{un}", with: word("one"))
        text = text.replacingOccurrences(of: "{aucun}", with: word("none"))
        text = text.replacingOccurrences(of: "{tous}", with: word("all"))
        text = text.replacingOccurrences(of: "{n1}", with: singular.map { " " + $0 } ?? "")
        text = text.replacingOccurrences(of: "{n}", with: (usesSingular ? singular : noun).map { " " + $0 } ?? "")
        text = text.replacingOccurrences(of: "{des}", with: noun.map { self.text("noun.of").replacingOccurrences(of: "{noun}", with: $0) } ?? "")
        text = text.replacingOccurrences(of: "{les}", with: noun.map { self.text("noun.the").replacingOccurrences(of: "{noun}", with: $0) } ?? "")
        return text
    }
}
