import Foundation
import Testing
@testable import EtudeCore

/// The guards that keep user input from trapping: strict numbers, bounded YAML and template
/// nesting, partial cycles, formatting of any Double, one-line diagnostics.
@Suite struct NeverCrashTests {
    @Test(arguments: [("311", 311.0, 0), ("53.5", 53.5, 1), ("-2", -2, 0), ("007", 7, 0), ("-0", 0, 0),
                      ("999999999.999999", 999_999_999.999999, 6), (" 12 ", 12, 0)])
    func plainDecimalsAreRead(text: String, value: Double, decimals: Int) {
        #expect(NumberReader.read(text) == .success(.init(value: value, decimals: decimals)))
    }

    @Test(arguments: ["0x137", "1e3", "1E3", "inf", "-inf", "nan", ".nan", "+5", "1_000", ".5", "5.", "", "-", "1.2.3",
                      "٣", "1:30", "0o17", "１２"])
    func otherNotationsAreRefused(text: String) {
        #expect(NumberReader.read(text) == .failure(.notPlainDecimal(commaUsed: false)))
    }

    @Test func limitsAreOnDigitsAndDecimals() {
        #expect(NumberReader.read("53,5") == .failure(.notPlainDecimal(commaUsed: true)))
        #expect(NumberReader.read("1000000000") == .failure(.tooManyDigits(10)))
        #expect(NumberReader.read("10000000000000000000") == .failure(.tooManyDigits(20)))
        #expect(NumberReader.read("0000000000000000000001") == .success(.init(value: 1, decimals: 0)))
        #expect(NumberReader.read("1.1234567") == .failure(.tooManyDecimals(7)))
    }

    @Test func formattingNeverTraps() {
        #expect(NumberStyle.french.number(1e308) == String(format: "%.0f", 1e308))
        #expect(NumberStyle.french.number(.nan) == "?")
        #expect(NumberStyle.french.number(-.infinity, decimals: 2) == "−∞")
        #expect(NumberStyle.french.number(999_999_999.999999, decimals: 6) == "999\u{202F}999\u{202F}999,999999")
        #expect(NumberStyle.french.number(2.5, decimals: 40) == "2,500000000")
        #expect(SVG.number(1e300) == "1000000000")
        #expect(SVG.number(.nan) == "0")
    }

    /// 10 KB of `[` or `{`, or a deep block ladder, in each YAML file and in front matter.
    @Test(arguments: ["data/figures.yaml", "data/site.yaml", "data/examples.yaml", "content/index.md"])
    func deepYAMLIsAnErrorAtItsPlace(file: String) throws {
        let deep: [(String, Int, Int)] = [
            ("x: " + String(repeating: "[", count: 10_240), 1, 67),
            ("x: " + String(repeating: "{", count: 10_240), 1, 67),
            ((0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n"), 65, 65),
            (String(repeating: "- ", count: 5000) + "x", 1, 129),
        ]
        for (yaml, line, column) in deep {
            let isPage = file.hasPrefix("content/")
            let text = isPage ? "---\ntitle: Essai\n\(yaml)\n---\nTexte.\n" : yaml + "\n"
            var files = ["data/site.yaml": TestSupport.minimalSite, "content/index.md": "---\ntitle: Essai\n---\nTexte.\n"]
            files[file] = text
            let project = try TestSupport.makeProject(files)
            // data/examples.yaml is read after the other files, and fails alone with a Diagnostic.
            let error = #expect(throws: (any Error).self) { try SiteBuilder(project: Project(directory: project)).render() }
            let diagnostic = (error as? BuildFailure)?.diagnostics.first ?? error as? Diagnostic
            #expect(diagnostic?.file == file)
            #expect(diagnostic?.line == line + (isPage ? 2 : 0))
            #expect(diagnostic?.column == column)
            #expect(diagnostic?.message.hasSuffix("levels deep; Étude reads at most 64 levels of lists and mappings inside each other") == true)
        }
    }

    @Test func legitimateYAMLIsNotCountedAsDeep() throws {
        let brackets = String(repeating: "[", count: 100) + String(repeating: "{", count: 100)
        let yaml = """
            a: "\(brackets) \\" \(brackets)"
            b: '\(brackets) '' \(brackets)'
            c: texte \(brackets) libre
            d: |
              \(brackets)
                \(brackets)
            e: [x, "\(brackets)", {y: '\(brackets)'}]  # \(brackets)
            f: >-
              \(brackets)
            # \(brackets)
            g:
              - - - [[[[[[]]]]]]
            """
        #expect(YAMLDepthGuard.check(yaml) == nil)
        for name in ["figures.yaml", "site.yaml", "examples.yaml"] {
            let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("data/\(name)"), encoding: .utf8)
            #expect(YAMLDepthGuard.check(text) == nil)
        }
        #expect(YAMLDepthGuard.check("x: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) == nil)
        #expect(YAMLDepthGuard.check("x: " + String(repeating: "[", count: 64)) == .init(line: 1, column: 67, depth: 65))
    }

    @Test func templateTagsFollowSetDelimitersAndSkipComments() {
        let tags = MustacheTagScanner.tags(in: "a {{! {{> x}} }}\n{{{raw}}} {{=<% %>=}}<%> partials/y %>\n<%#s%><%/s%>")
        #expect(tags.map(\.name) == ["{{> x", "raw", "<% %>=", "partials/y", "s", "s"])
        #expect(tags.map(\.sigil) == ["!", "{", "=", ">", "#", "/"])
        #expect(tags[3].line == 2 && tags[3].column == 22)
    }

    /// swift-mustache parses in time growing with the square of the size, and recurses per section.
    @Test func deepSectionsDynamicPartialsAndHugeTemplatesAreRefused() throws {
        let deep = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
            "templates/partials/footer.mustache": String(repeating: "{{#site}}", count: 5000),
            "templates/partials/extra.mustache": "<p>\n  {{>*site.title}}</p>\n",
            "templates/partials/huge.mustache": String(repeating: "{{site.title}}", count: 10_000),
        ])
        let error = #expect(throws: BuildFailure.self) { try SiteBuilder(project: Project(directory: deep)).render() }
        #expect(error?.description == """
            templates/partials/extra.mustache:2:3: error: dynamic partial '{{>*site.title}}' is not supported; name the partial, such as {{> partials/footer}}
            templates/partials/footer.mustache:1:577: error: sections are nested 5000 levels deep; Étude reads at most 64 levels, so close some sections with {{/name}} sooner
            templates/partials/huge.mustache: error: the template is 140 KB; Étude reads templates of at most 100 KB, so move parts of it into partials
            """)
    }

    /// No cycle, but 2^30 partials to render: refused instead of hanging.
    @Test func partialsIncludedAgainAndAgainAreRefused() throws {
        var files = ["data/site.yaml": TestSupport.minimalSite, "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
                     "templates/partials/footer.mustache": "{{> partials/x0}}\n", "templates/partials/x30.mustache": "fin\n"]
        for level in 0..<30 {
            files["templates/partials/x\(level).mustache"] = "<i>{{> partials/x\(level + 1)}}{{> partials/x\(level + 1)}}</i>\n"
        }
        let project = try TestSupport.makeProject(files)
        let error = #expect(throws: BuildFailure.self) { try SiteBuilder(project: Project(directory: project)).render() }
        #expect(error?.description == "templates/partials/x17.mustache:1:4: error: template 'partials/x17' includes partials more than 10000 times over, as partials include one another again and again; include each partial fewer times")
    }

    /// Thousands of same-named headings took seconds each thousand (a quadratic search for a free id).
    @Test func sameNamedHeadingsGetNumberedIDsQuickly() {
        var generator = HeadingIDGenerator(reserved: ["titre-3"])
        let start = ContinuousClock.now
        let ids = (0..<20_000).map { _ in generator.makeID(for: "Titre") }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(Array(ids.prefix(4)) == ["titre", "titre-2", "titre-4", "titre-5"])
        #expect(Set(ids).count == ids.count)
    }

    @Test func diagnosticsStayOnOneLine() {
        let diagnostic = Diagnostic(file: "content/a.md", line: 2, column: 3, message: "'{{ a\nb\r\nc\rd\u{2028}e }}' is odd")
        #expect(diagnostic.description == "content/a.md:2:3: error: '{{ a\\nb\\r\\nc\\rd\\ne }}' is odd")
    }

    @Test func suggestionsForAHugeNameAreQuick() {
        let name = "responses.compl" + String(repeating: "a", count: 100_000)
        let start = ContinuousClock.now
        #expect(Suggestion.closest(to: name, among: (0..<200).map { "figure.\($0)" }) == nil)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
