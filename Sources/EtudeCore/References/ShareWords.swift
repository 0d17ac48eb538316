import Foundation

/// A share in the words French prose uses for it: « près de la moitié », « plus des trois
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
enum ShareWords {
    /// A landmark and its phrases; `{n}` is where a noun goes in « N sur M » phrases,
    /// `{des}` where « des + noun » follows a fraction.
    struct Landmark {
        var value: Double
        var exact: String
        var near: String
        var above: String
    }

    static let landmarks: [Landmark] = [
        Landmark(value: 10, exact: "{un}{n} sur dix", near: "près d’{un}{n} sur dix", above: "plus d’{un}{n} sur dix"),
        Landmark(value: 20, exact: "{un}{n} sur cinq", near: "près d’{un}{n} sur cinq", above: "plus d’{un}{n} sur cinq"),
        Landmark(value: 25, exact: "un quart{des}", near: "près d’un quart{des}", above: "plus d’un quart{des}"),
        Landmark(value: 100.0 / 3, exact: "un tiers{des}", near: "près d’un tiers{des}", above: "plus d’un tiers{des}"),
        Landmark(value: 50, exact: "la moitié{des}", near: "près d’{un}{n} sur deux", above: "plus de la moitié{des}"),
        Landmark(value: 200.0 / 3, exact: "les deux tiers{des}", near: "près des deux tiers{des}", above: "plus des deux tiers{des}"),
        Landmark(value: 75, exact: "les trois quarts{des}", near: "près des trois quarts{des}", above: "plus des trois quarts{des}"),
        Landmark(value: 80, exact: "quatre{n} sur cinq", near: "près de quatre{n} sur cinq", above: "plus de quatre{n} sur cinq"),
        Landmark(value: 90, exact: "neuf{n} sur dix", near: "près de neuf{n} sur dix", above: "plus de neuf{n} sur dix"),
    ]

    static let tens = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]

    /// `written` is the share as the page writes it, in percent.
    static func phrase(for written: Double, feminine: Bool, noun: String?) -> String {
        let template: String
        if written <= 0 {
            template = "{aucun}{n1}"
        } else if written >= 100 {
            template = "{tous}{les}"
        } else if written < 7 {
            template = "moins d’{un}{n} sur dix"
        } else if written >= 94 {
            template = "plus de neuf{n} sur dix"
        } else {
            let nearest = landmarks.min { abs(written - $0.value) < abs(written - $1.value) }!
            let gap = written - nearest.value
            if abs(gap) <= 0.5 {
                template = nearest.exact
            } else if gap < 0 && gap >= -3 {
                template = nearest.near
            } else if gap > 0 && gap <= 3 {
                template = nearest.above
            } else {
                let n = Int((written / 10).rounded(.toNearestOrAwayFromZero))
                template = "environ " + (n == 1 ? "{un}" : tens[n]) + "{n} sur dix"
            }
        }
        return fill(template, feminine: feminine, noun: noun)
    }

    private static func fill(_ template: String, feminine: Bool, noun: String?) -> String {
        let singular = noun.map { $0.hasSuffix("s") || $0.hasSuffix("x") ? String($0.dropLast()) : $0 }
        let usesSingular = template.contains("{un}") || template.contains("{n1}")
        var text = template
        text = text.replacingOccurrences(of: "{un}", with: feminine ? "une" : "un")
        text = text.replacingOccurrences(of: "{aucun}", with: feminine ? "aucune" : "aucun")
        text = text.replacingOccurrences(of: "{tous}", with: feminine ? "toutes" : "tous")
        text = text.replacingOccurrences(of: "{n1}", with: singular.map { " " + $0 } ?? "")
        text = text.replacingOccurrences(of: "{n}", with: (usesSingular ? singular : noun).map { " " + $0 } ?? "")
        text = text.replacingOccurrences(of: "{des}", with: noun.map { " des " + $0 } ?? "")
        text = text.replacingOccurrences(of: "{les}", with: noun.map { " les " + $0 } ?? "")
        return text
    }
}
