import Foundation
import Mustache
import Testing
@testable import EtudeCore

/// A template's skeleton (`TemplateSkeleton`) filled with values is byte for byte what
/// swift-mustache renders with them, for every template and values it accepts; templates that
/// escape, transform or repeat a value in ways a skeleton cannot stand for are refused.
@Suite struct TemplateSkeletonTests {
    /// Templates and partials as the theme and projects write them, and ways they could use a
    /// value that a skeleton must not hide. `v0`, `v1`: the values.
    static let templates: [(name: String, text: String, fills: Bool)] = [
        ("raw", "<main>{{{v0}}}</main>\n<aside>{{&v1}}</aside>", true),
        ("html type", "{{% CONTENT_TYPE: HTML }}<p>{{title}}</p>\n{{{v0}}}{{{v1}}}", true),
        ("twice", "{{{v0}}}|{{{v0}}}|{{{v1}}}", true),
        ("section on a value", "{{#v0}}[{{{v0}}}]{{/v0}}{{^v1}}none{{/v1}}{{{v1}}}", true),
        ("value as its own context", "{{#v0}}{{{.}}}{{/v0}}/{{{v1}}}", true),
        ("indented partial", "<div>\n  {{> part}}\n</div>\n{{{v1}}}", true),
        ("indented partial, value last", "x\n    {{> tail}}\ny", true),
        ("section in an indented partial", "a\n  {{> section}}\nb", true),
        ("private-use text around", "\u{E010}<&\"'aA\n7_\u{E011} {{{v0}}} \u{E010}{{{v1}}}\u{E011}", true),
        ("escaped", "<p>{{v0}}</p>{{{v1}}}", false),
        ("escaped as HTML", "{{% CONTENT_TYPE: HTML }}{{v0}}{{{v1}}}", false),
        ("uppercased", "{{{uppercased(v0)}}}{{{v1}}}", false),
        ("lowercased", "{{{v1}}}{{{lowercased(v0)}}}", false),
        ("capitalized", "{{{capitalized(v0)}}}{{{v1}}}", false),
        ("reversed", "{{{reversed(v0)}}}{{{v1}}}", false),
        ("escaped in a section", "{{#v0}}{{.}}{{/v0}}{{{v1}}}", false),
    ]

    static let partials = [
        "part": "<section>\n{{{v0}}}\n</section>\n",
        "tail": "start\n{{{v0}}}\n{{{v1}}}",
        "section": "{{#v0}}\n{{{v0}}}\n{{/v0}}\nend {{{v1}}}\n",
    ]

    /// Pieces of values: line ends of every kind, characters escaping and case change, the
    /// placeholders' own characters, a combining mark, private-use scalars.
    static let pieces = ["\n", "\r", "\r\n", "<p>", "&", "'", "\"", "a", "A", "é", "e\u{301}", "\u{301}", "\u{E010}", "\u{E011}",
                         "_", "0", "12", " ", "  ", "\t", "<&\"'aA\n", "x\n", "\n\n", "ß", "🇫🇷"]

    private func library() throws -> MustacheLibrary {
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, text, _) in Self.templates { library.register(try MustacheTemplate(string: text), named: name) }
        for (name, text) in Self.partials { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    private func render(_ library: MustacheLibrary, _ template: String, _ values: [String]) -> String {
        library.render(["v0": values[0], "v1": values[1], "title": "a < b"] as [String: Any], withTemplate: template) ?? "(none)"
    }

    @Test func aFilledSkeletonIsWhatTheTemplateRenders() throws {
        let library = try library()
        let texts = RandomTexts.make(seed: 2611, count: 400, maxPieces: 6, from: Self.pieces)
        // A value ending as `value` does: what it ends with decides where a partial indents.
        let endingAs = { (text: String, value: String) in text + String(String.UnicodeScalarView(value.unicodeScalars.suffix(2))) }
        for (name, _, fills) in Self.templates {
            var made = 0, filled = 0
            for start in stride(from: 0, to: 24, by: 2) {
                let values = [texts[start], texts[start + 1]]
                guard let placeholders = TemplateSkeleton.Placeholders(for: values) else {
                    #expect(values.contains { $0.unicodeScalars.count < 2 }, "\(name): only a value of fewer than two scalars is refused")
                    continue
                }
                let skeleton = TemplateSkeleton(first: render(library, name, placeholders.first), second: render(library, name, placeholders.second),
                                                placeholders: placeholders)
                guard let skeleton else { continue }
                made += 1
                for index in stride(from: 0, to: texts.count - 1, by: 2) {
                    for others in [[texts[index], texts[index + 1]], [endingAs(texts[index], values[0]), endingAs(texts[index + 1], values[1])]] {
                        guard let output = skeleton.filled(with: others) else { continue }
                        filled += 1
                        #expect(Array(output.utf8) == Array(render(library, name, others).utf8), "\(name): \(others.map { Array($0.unicodeScalars) })")
                    }
                }
            }
            if fills {
                #expect(made > 5 && filled > 1_000, "\(name): made \(made) skeletons, filled \(filled) times")
            } else {
                #expect(made == 0, "\(name): the template does not put the values in as they are")
            }
        }
    }

    /// How a value ends decides how a partial's next line is indented: a skeleton made for
    /// values ending one way is not filled with values ending another.
    @Test func aSkeletonIsFilledOnlyWithValuesEndingAsItsOwn() throws {
        let library = try library()
        let values = ["<p>un</p>\n", "<p>deux</p>"]
        let placeholders = try #require(TemplateSkeleton.Placeholders(for: values))
        let skeleton = try #require(TemplateSkeleton(first: render(library, "indented partial", placeholders.first),
                                                     second: render(library, "indented partial", placeholders.second), placeholders: placeholders))
        #expect(skeleton.filled(with: ["<p>trois</p>\n", "<p>quatre</p>"]) == render(library, "indented partial", ["<p>trois</p>\n", "<p>quatre</p>"]))
        for other in ["<p>trois</p>", "<p>trois</p>\r\n", "<p>trois</p>\r", "\n"] {
            #expect(skeleton.filled(with: [other, "<p>quatre</p>"]) == nil, "\(Array(other.unicodeScalars))")
        }
        #expect(skeleton.filled(with: ["<p>trois</p>\n"]) == nil)
        #expect(TemplateSkeleton.Placeholders(for: ["", "<p>"]) == nil)
    }
}
