import Foundation
import Testing
@testable import EtudeCore

/// Waves of one questionnaire: a missing column is an error (see the fixtures
/// `answers-question-missing-in-wave` and `answers-missing-in-wave`), but an answer nobody
/// chose in one wave is a 0 % share there, compared with the other wave as any share.
@Suite struct WaveRulesTests {
    @Test func anAnswerNobodyChoseInOneWaveIsZeroPercent() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": "sources:\n  s:\n    title: Enquête\n",
            "data/answers.yaml": """
                survey:
                  source: s
                  secrecy: 2
                  waves:
                    "2025": a.csv
                    "2026": b.csv
                figures:
                  q:
                    label: Question
                    kind: split
                    column: q
                    answers: { oui: Oui, non: Non, nsp: NSP }
                  outils:
                    label: Outils
                    kind: multiple
                    column: outils
                    separator: "|"
                    answers: { sig: SIG, tableur: Tableur }
                """,
            // 2025: Oui, Non, NSP, Oui; SIG|Tableur, Tableur. 2026: nobody says NSP or SIG.
            "data/a.csv": "id,q,outils\n1,Oui,SIG|Tableur\n2,Non,Tableur\n3,NSP,\n4,Oui,\n",
            "data/b.csv": "id,q,outils\n1,Oui,Tableur\n2,Non,\n3,Non,Tableur\n",
            "content/index.md": "---\ntitle: Essai\n---\n{{ q.2026.nsp }} ; {{ outils.2026.sig }}.\n",
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        let nobody = try #require(result.table.resolved("q.2026.nsp")?.figure)
        #expect(nobody.value == 0 && nobody.count == 0)
        #expect(result.table.resolved("q.2025.nsp")?.figure.value == 25)
        let tool = try #require(result.table.resolved("outils.2026.sig")?.figure)
        #expect(tool.value == 0 && tool.count == 0)
        guard case .derived(let change) = result.table["q.2026-vs-2025.nsp"] else {
            Issue.record("no change for « NSP »"); return
        }
        #expect(abs(change.value - -25) < 1e-9)
    }
}
