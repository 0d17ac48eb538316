import Foundation
import Testing
@testable import EtudeCore

@Suite struct StatisticsTests {
    /// p = 0.78, n = 156, z = 1.96: z²/n = 0.024625; centre = (0.78 + 0.012313) / 1.024625 = 0.773271;
    /// half = 1.96 × √(0.78 × 0.22 / 156 + 3.8415 / (4 × 156²)) / 1.024625 = 1.96 × 0.033756 / 1.024625 = 0.064572.
    @Test func wilsonIntervalWorkedExample() {
        let interval = WilsonInterval(share: 78, base: 156)
        #expect(abs(interval.low - 70.87) < 0.01)
        #expect(abs(interval.high - 83.78) < 0.01)
        #expect(abs(interval.margin - 6.457) < 0.001)
    }

    /// Wilson stays within 0–100 where the normal interval would not: 0 of 10 → [0, 27.8].
    @Test func wilsonAtTheEdge() {
        let interval = WilsonInterval(share: 0, base: 10)
        #expect(interval.low == 0)
        #expect(abs(interval.high - 27.75) < 0.01)
    }

    /// 1/3 each: floors 33 + 33 + 33 = 99, the missing unit goes to the first of equal remainders.
    /// 2/7, 2/7, 3/7 = 28.57, 28.57, 42.86: floors 28 + 28 + 42 = 98; remainders .57 .57 .86 → 42 then first 28.
    @Test func largestRemainderKeepsTheTotal() {
        #expect(LargestRemainder.round([100.0 / 3, 100.0 / 3, 100.0 / 3], total: 100) == [34, 33, 33])
        #expect(LargestRemainder.round([200.0 / 7, 200.0 / 7, 300.0 / 7], total: 100) == [29, 28, 43])
        #expect(LargestRemainder.round([53, 47], total: 100) == [53, 47])
    }

    @Test func sharesFromCountsSumTo100() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": "sources:\n  s1:\n    title: Essai\nfigures:\n  vote:\n    label: Vote\n    kind: split\n    unit: percent\n    source: s1\n    counts: vote.csv\n",
            // 1/7, 2/7, 4/7 of 7 = 14.29, 28.57, 57.14 → floors 14 + 28 + 57 = 99 → +1 to 28 (remainder .57).
            "data/vote.csv": "key,label,count,base\na,\"Pour, sans réserve\",1,7\nb,Contre,2,7\nc,Abstention,4,7\n",
            "content/index.md": "---\ntitle: Essai\n---\n{{ vote.a }}, {{ vote.b }}, {{ vote.c }}, {{ vote.b | respondents }}, {{ vote.c.margin }}\n",
        ])
        let page = try SiteBuilder(project: Project(directory: project)).render().pages[0]
        let values = page.contentHTML.matches(of: /data-figure="[^"]+"[^>]*>([^<]+)</).map { String($0.output.1) }
        // vote.c: share 57, n = 7: z²/n = 0.5488, p(1−p)/n = 0.035014, z²/4n² = 0.0196;
        // half = 1.96 × √0.054614 / 1.5488 = 0.2957 → 29.6 points.
        #expect(values == ["14\u{202F}%", "29\u{202F}%", "57\u{202F}%", "2\u{00A0}répondants", "29,6\u{00A0}points"])
    }

    /// A count computed from a share: 50 % of 311 = 155.5, rounded half up to 156,
    /// then used as the base of another share.
    @Test func countComputedFromShareServesAsBase() throws {
        let dataset = try DatasetLoader(dataDirectory: try TestSupport.makeProject([
            "data/figures.yaml": """
            sources:
              s1: { title: Essai }
            figures:
              total: { label: Total, value: 311, unit: respondents, kind: count, source: s1 }
              rate: { label: Taux, value: 50, unit: percent, kind: share, base: total, source: s1 }
              complete: { label: Complets, unit: respondents, kind: count, from: rate, source: s1 }
              liked: { label: Aime, value: 78, unit: percent, kind: share, base: complete, source: s1 }
            """,
        ]).appendingPathComponent("data")).load()
        let table = try StatisticsCalculator().compute(dataset)
        #expect(table.resolved("complete")?.figure.value == 156)
        #expect(table.resolved("complete")?.figure.isEstimate == true)
        #expect(table.resolved("liked")?.baseCount == 156)
        #expect(table.resolved("liked")?.baseIsEstimate == true)
        #expect(table["liked.count"] == .derived(DerivedValue(
            key: "liked.count", label: "Répondants correspondant à « Aime »", value: 122, decimals: 0, unit: .count,
            text: nil, ownerKey: "liked", method: "part × base, arrondi à l’unité (estimation : la part est elle-même arrondie)",
            isEstimate: true)))
    }

    /// A chain of bases is followed however long it is: 1 000 → 90 % → 80 % … ten shares deep.
    /// Each step rounds half up: 900, 720, 504, 302 (302.4), 151, 60 (60.4), 18, 4 (3.6), 1 (0.8), 1 (0.9).
    @Test func longChainOfBasesIsNotACycle() throws {
        let rates = [90, 80, 70, 60, 50, 40, 30, 20, 20, 90]
        var yaml = "sources:\n  s1: { title: Essai }\nfigures:\n  n0: { label: Total, value: 1000, unit: respondents, kind: count, source: s1 }\n"
        for (index, rate) in rates.enumerated() {
            yaml += "  n\(index + 1): { label: Étape \(index + 1), value: \(rate), unit: percent, kind: share, base: n\(index), source: s1 }\n"
        }
        yaml += "  last: { label: Dernière, value: 100, unit: percent, kind: share, base: n10, source: s1 }\n"
        let dataset = try DatasetLoader(dataDirectory: try TestSupport.makeProject(["data/figures.yaml": yaml]).appendingPathComponent("data")).load()
        let table = try StatisticsCalculator().compute(dataset)
        #expect(table.resolved("n2")?.baseCount == 900)
        #expect(table.resolved("n5")?.baseCount == 302)
        #expect(table.resolved("n9")?.baseCount == 4)
        #expect(table.resolved("last")?.baseCount == 1)
    }

    /// 53 / 47 of 156: the larger part's interval is 45.2–60.7 %, which holds 50 %: not significant.
    @Test func splitSignificance() throws {
        let dataset = try DatasetLoader(dataDirectory: try TestSupport.makeProject([
            "data/figures.yaml": "sources:\n  s1: { title: Essai }\nfigures:\n  t:\n    label: Type\n    kind: split\n    unit: percent\n    base: 156\n    source: s1\n    parts:\n      a: { label: A, value: 53 }\n      b: { label: B, value: 47 }\n",
        ]).appendingPathComponent("data")).load()
        let table = try StatisticsCalculator().compute(dataset)
        guard case .derived(let significance) = table["t.significance"] else { Issue.record("no significance"); return }
        #expect(significance.text == "non significatif au seuil de 5\u{202F}%")
        #expect(table.resolved("t.a")?.rank == 1)
        #expect(table.resolved("t.b")?.rank == 2)
    }
}
