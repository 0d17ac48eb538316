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
