import Foundation
import Testing
@testable import EtudeCore

/// The fixture survey `Fixtures/answers` (two waves, weights, both shapes of multiple
/// answers, non-response, a `where`, a cross-tabulation with a segment under the secrecy
/// threshold): every figure against `expected.json`, which its generator computed with
/// plain loops in Python, independently of Étude. Margins and tests are recomputed here
/// from those expected counts with the textbook formulas.
@Suite struct AnswersFixtureTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("answers")

    struct Expected: Decodable {
        var n: Int
        var nonresponse: Int
        var neff: Double?
        var shares: [String: Double]?
        var counts: [String: Int]?
        var mean: Double?
        var median: Double?
    }

    static func expected() throws -> [String: [String: Expected]] {
        try JSONDecoder().decode([String: [String: Expected]].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    /// `obstacles.by-structure.communes` in wave 2026 is `obstacles.2026.by-structure.communes`.
    static func key(_ name: String, wave: String) -> String {
        let parts = name.split(separator: ".", maxSplits: 1)
        return ([String(parts[0]), wave] + parts.dropFirst().map(String.init)).joined(separator: ".")
    }

    /// The 95 % Wilson interval's half-width, in points.
    static func wilsonMargin(_ percent: Double, _ n: Double) -> Double {
        let p = percent / 100, z = 1.959963984540054
        return z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() * 100
    }

    static func built() throws -> SiteBuilder.Result {
        try SiteBuilder(project: Project(directory: folder.appendingPathComponent("project"))).render()
    }

    @Test func everyFigureMatchesTheIndependentCount() throws {
        let result = try Self.built()
        let table = result.table
        for (wave, figures) in try Self.expected() {
            for (name, expected) in figures {
                let key = Self.key(name, wave: wave)
                if case .derived(let value) = table["\(key).non-response"] { #expect(Int(value.value) == expected.nonresponse, "\(key)") } else { Issue.record("no \(key).non-response") }
                if let mean = expected.mean {
                    #expect(abs((table.resolved("\(key).mean")?.figure.value ?? -1) - mean) < 1e-9)
                    #expect(table.resolved("\(key).median")?.figure.value == expected.median)
                    continue
                }
                let group = try #require(table.dataset.groups[key], "\(key)")
                #expect(group.base == .number(Double(expected.n)), "\(key)")
                for (answer, share) in expected.shares ?? [:] {
                    let part = try #require(table.resolved("\(key).\(answer)"))
                    if expected.n < 30 {
                        #expect(part.figure.suppressed)
                        #expect(FigureFormatter(table: table).standardText(of: part.figure) == "effectif insuffisant")
                        continue
                    }
                    #expect(abs(part.figure.value - share) < 1e-9, "\(key).\(answer)")
                    let neff = try #require(expected.neff)
                    #expect(abs((part.figure.effectiveBase ?? 0) - neff) < 1e-9)
                    guard case .derived(let margin) = table["\(key).\(answer).margin"] else { Issue.record("no margin for \(key).\(answer)"); continue }
                    #expect(abs(margin.value - Self.wilsonMargin(share, neff)) < 1e-9, "\(key).\(answer)")
                }
            }
        }
    }

    /// The change between waves in points, and the two-proportion test on Kish's n_eff.
    @Test func wavesChangeWithTheTwoProportionTest() throws {
        let table = try Self.built().table
        let expected = try Self.expected()
        let (old, new) = (try #require(expected["2025"]?["satisfaction"]), try #require(expected["2026"]?["satisfaction"]))
        for answer in ["tres", "plutot", "peu", "pas"] {
            let (p1, p2) = (new.shares![answer]! / 100, old.shares![answer]! / 100)
            let (n1, n2) = (new.neff!, old.neff!)
            let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
            let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            guard case .derived(let change) = table["satisfaction.2026-vs-2025.\(answer)"],
                  case .derived(let significance) = table["satisfaction.2026-vs-2025.\(answer).significance"] else {
                Issue.record("no change for \(answer)"); continue
            }
            #expect(abs(change.value - (p1 - p2) * 100) < 1e-9)
            #expect(significance.text == (abs(z) > 1.959963984540054 ? "significatif au seuil de 5\u{202F}%" : "non significatif au seuil de 5\u{202F}%"))
        }
        // Per segment: communes' budget, and « effectif insuffisant » for the regions (under 30 in both waves).
        let communes = (try #require(expected["2026"]?["obstacles.by-structure.communes"]), try #require(expected["2025"]?["obstacles.by-structure.communes"]))
        if case .derived(let change) = table["obstacles.2026-vs-2025.by-structure.communes.budget"] {
            #expect(abs(change.value - (communes.0.shares!["budget"]! - communes.1.shares!["budget"]!)) < 1e-9)
        } else { Issue.record("no change for the communes") }
        if case .derived(let change) = table["obstacles.2026-vs-2025.by-structure.regions.budget"] { #expect(change.text == "effectif insuffisant") } else { Issue.record("no change for the regions") }
        // « Plutôt satisfait » falls from 44,5 % to 29,0 %: z ≈ −3,4, significant.
        if case .derived(let value) = table["satisfaction.2026-vs-2025.plutot.significance"] { #expect(value.value == 1) }
    }

    /// The chi-square of « budget » by type of structure, recomputed here from the counts.
    @Test func crossTabulationTestOfIndependence() throws {
        let table = try Self.built().table
        let figures = try #require(try Self.expected()["2026"])
        let rows = try ["communes", "departements", "regions"].map { segment -> [Double] in
            let tally = try #require(figures["obstacles.by-structure.\(segment)"])
            return [Double(tally.counts!["budget"]!), Double(tally.n - tally.counts!["budget"]!)]
        }
        let total = rows.joined().reduce(0, +)
        var chi2 = 0.0, small = 0
        for row in rows {
            for column in 0..<2 {
                let expected = row.reduce(0, +) * rows.map { $0[column] }.reduce(0, +) / total
                chi2 += (row[column] - expected) * (row[column] - expected) / expected
                if expected < 5 { small += 1 }
            }
        }
        guard case .derived(let statistic) = table["obstacles.2026.by-structure.test.budget.chi2"],
              case .derived(let p) = table["obstacles.2026.by-structure.test.budget.p-value"] else {
            Issue.record("no test"); return
        }
        #expect(abs(statistic.value - chi2) < 1e-9)
        // 2 ddl: P(χ² ≥ x) = e^(−x/2) exactly.
        #expect(abs(p.value - exp(-chi2 / 2)) < 1e-9)
        #expect(small > 0)
        #expect(statistic.method.contains("inférieur"))
    }

    @Test func secrecyIsStatedInTheBuildAndThePages() throws {
        let result = try Self.built()
        let notices = result.warnings.map(\.description)
        #expect(notices.contains("data/answers.yaml:35:3: warning: 'obstacles.2026.by-structure.regions' is not published: its base is 11 respondents, under the secrecy threshold of 30 (« effectif insuffisant »)"))
        let html = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(html.contains("effectif insuffisant</span> des régions"))
        #expect(html.contains("Pondération"))
        #expect(html.contains("Kish"))
        #expect(html.contains("Test du χ²"))
        #expect(html.contains("Secret statistique"))
    }

    /// Nothing respondent-level leaves the build: no id, no free text, no copy of an export.
    @Test func noRespondentLevelValueInAnyOutputFile() throws {
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        try SiteBuilder(project: Project(directory: Self.folder.appendingPathComponent("project"))).build(into: output)
        let files = try TestSupport.tree(output)
        #expect(!files.isEmpty)
        for (path, data) in files {
            #expect(!path.contains("reponses"), "\(path)")
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["RESP-", "Mon secret", "Deux lignes", "vraiment", "Très bien, merci", "commentaire"] {
                #expect(!text.contains(secret), "\(secret) in \(path)")
            }
        }
    }
}
