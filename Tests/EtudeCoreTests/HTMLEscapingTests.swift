import Mustache
import Testing
@testable import EtudeCore

/// The theme's `{{% CONTENT_TYPE: HTML }}` escapes as swift-mustache's own HTML escaping.
struct HTMLEscapingTests {
    static let pieces = ["<", ">", "&", "\"", "'", "a", "é", "\u{301}", " ", "&amp;", "👍🏽", "\r\n", "<\u{301}"]

    @Test func sameAsThePackagesEscaping() throws {
        HTMLEscaping.registered
        let packages = try MustacheTemplate(string: "{{x}}")
        let ours = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n{{x}}")
        var differences: [String] = []
        for text in RandomTexts.make(seed: 11, count: 5_000, maxPieces: 10, from: Self.pieces) {
            let expected = packages.render(["x": text])
            if ours.render(["x": text]) != expected || HTMLEscaping().escapeText(text) != expected { differences.append(text) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
