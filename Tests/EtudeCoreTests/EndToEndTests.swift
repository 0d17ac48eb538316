import Foundation
import Testing
@testable import EtudeCore

/// Runs the built `etude` binary as a user would.
@Suite(.serialized) struct EndToEndTests {
    @Test func successfulBuildPrintsOneSummaryLine() throws {
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let result = try TestSupport.runEtude(["build", "--project", TestSupport.fixtures.appendingPathComponent("golden/project").path, "--output", output.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.wholeMatch(of: /Built 3 pages in \d+ ms\n/) != nil, "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func failedBuildExitsOneAndLeavesOutputUntouched() throws {
        let project = TestSupport.fixtures.appendingPathComponent("errors/unknown-figure/project")
        let output = try TestSupport.previousBuild(["sub/page.html": "ancienne page"])
        let before = try TestSupport.tree(output)
        let result = try TestSupport.runEtude(["build", "--project", project.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            content/index.md:7:21: error: unknown figure 'adoption.admin'; did you mean 'adoption.administrative'?
            1 error; nothing was written.

            """)
        #expect(try TestSupport.tree(output) == before)
    }

    @Test func helpOnEveryCommand() throws {
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"], ["new", "--help"], ["pdf", "--help"], ["help", "new"]] {
            let result = try TestSupport.runEtude(arguments)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: etude"))
        }
    }

    @Test func missingProjectFolderIsNamed() throws {
        for command in ["build", "check"] {
            let result = try TestSupport.runEtude([command, "--project", "/nonexistent/etude-project"])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("/nonexistent/etude-project: error: no project folder here; give the folder that holds content/ and data/ with --project\n"))
        }
    }

    @Test func unknownOptionFails() throws {
        let result = try TestSupport.runEtude(["build", "--projet", "x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Unknown option '--projet'"))
    }
}

/// Replacing the survey's export by next year's and rebuilding: every published number follows.
@Suite(.serialized) struct AnswersEndToEndTests {
    struct Row: Decodable {
        var key: String
        var value: Double?
        var text: String
    }

    /// The fixture survey as a project of one export, `data/exports/reponses.csv`.
    static func project(wave: String) throws -> URL {
        let source = AnswersFixtureTests.folder.appendingPathComponent("project")
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("project")
        try FileManager.default.copyItem(at: source, to: root)
        let yaml = root.appendingPathComponent("data/answers.yaml")
        var text = try String(contentsOf: yaml, encoding: .utf8)
        text = text.replacingOccurrences(of: "  waves:\n    \"2025\": exports/reponses-2025.csv\n    \"2026\": exports/reponses-2026.csv\n",
                                         with: "  file: exports/reponses.csv\n")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        try "---\ntitle: Résultats\n---\n# Résultats\n\n{{ satisfaction.tres }} très satisfaits ; le budget freine {{ obstacles.budget }} ; {{ agents.mean }} agents en moyenne.\n\n```chart\nfigure: satisfaction\ntitle: Satisfaction\n```\n"
            .write(to: root.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)
        try install(wave: wave, in: root)
        return root
    }

    static func install(wave: String, in root: URL) throws {
        let exports = root.appendingPathComponent("data/exports")
        let target = exports.appendingPathComponent("reponses.csv")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: exports.appendingPathComponent("reponses-\(wave).csv"), to: target)
    }

    static func build(_ project: URL, into output: URL) throws -> [String: Row] {
        let result = try TestSupport.runEtude(["build", "--project", project.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        struct Document: Decodable { var figures: [Row] }
        let data = try Data(contentsOf: output.appendingPathComponent("donnees/figures.json"))
        return Dictionary(uniqueKeysWithValues: try JSONDecoder().decode(Document.self, from: data).figures.map { ($0.key, $0) })
    }

    @Test func swappingTheExportChangesEveryPublishedNumber() throws {
        let expected = try AnswersFixtureTests.expected()
        let project = try Self.project(wave: "2025")
        let output = project.deletingLastPathComponent().appendingPathComponent("out")
        let before = try Self.build(project, into: output)
        try Self.install(wave: "2026", in: project)
        let after = try Self.build(project, into: output)
        var checked = 0
        for (wave, rows) in [("2025", before), ("2026", after)] {
            for (name, figure) in try #require(expected[wave]) {
                for (answer, share) in figure.shares ?? [:] {
                    let row = try #require(rows["\(name).\(answer)"], "\(name).\(answer)")
                    if figure.n < 30 {
                        #expect(row.value == nil && row.text == "effectif insuffisant")
                        #expect(rows["\(name).\(answer).count"]?.value == nil && rows["\(name).\(answer).margin"] == nil)
                    } else {
                        #expect(abs((row.value ?? -1) - share) < 1e-9, "\(wave) \(name).\(answer)")
                        checked += 1
                    }
                }
                if let mean = figure.mean { #expect(abs((rows["\(name).mean"]?.value ?? -1) - mean) < 1e-9) }
            }
        }
        #expect(checked > 40)
        // Every share of the fixture differs between the two waves, so every one of them changed.
        let shares = before.keys.filter { before[$0]?.text.hasSuffix("%") ?? false && !$0.contains(".rank-") && !$0.hasSuffix(".low") && !$0.hasSuffix(".high") }
        #expect(!shares.isEmpty)
        for key in shares where before[key]?.value != nil {
            #expect(before[key]?.value != after[key]?.value, "\(key) did not change")
        }
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let newShare = Int((try #require(expected["2026"]?["satisfaction"]?.shares?["tres"])).rounded())
        #expect(page.contains("\(newShare)\u{202F}%") || page.contains("\(newShare)\u{00A0}%"))
    }
}
