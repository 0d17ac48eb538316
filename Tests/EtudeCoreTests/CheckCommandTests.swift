import Foundation
import Testing
@testable import EtudeCore

/// `etude check`: the whole project checked, nothing written, the exit status says the verdict.
@Suite(.serialized) struct CheckCommandTests {
    /// A copy of a fixture project, so that anything written would show.
    static func copy(_ fixture: String) throws -> URL {
        let target = try TestSupport.temporaryDirectory().appendingPathComponent("project")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent(fixture), to: target)
        return target
    }

    @Test func goodProjectPassesAndNothingIsWritten() throws {
        let project = try Self.copy("golden/project")
        let before = try TestSupport.tree(project.deletingLastPathComponent())
        let result = try TestSupport.runEtude(["check", "--project", project.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "Checked 3 pages and 19 figures: no errors, no warnings.\n")
        #expect(try TestSupport.tree(project.deletingLastPathComponent()) == before)
    }

    @Test func brokenProjectFailsWithEveryError() throws {
        let project = try Self.copy("errors/broken-link/project")
        let before = try TestSupport.tree(project.deletingLastPathComponent())
        let result = try TestSupport.runEtude(["check", "--project", project.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            content/index.md:7:9: error: link to 'methode.html' leads to no page or file of the site; each page content/<name>.md is published as <name>.html, linked relative to the linking page
            content/constats/resultats.md:5:15: error: link to 'index.html' leads to no page or file of the site; did you mean '../index.html'?
            2 errors.

            """)
        #expect(try TestSupport.tree(project.deletingLastPathComponent()) == before)
    }

    @Test func dataErrorsFailTheCheckToo() throws {
        let result = try TestSupport.runEtude(["check", "--project", TestSupport.fixtures.appendingPathComponent("errors/split-not-100/project").path])
        #expect(result.status == 1)
        let expected = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("errors/split-not-100/expected-error.txt"), encoding: .utf8)
        #expect(result.stderr == expected.trimmingCharacters(in: .newlines) + "\n1 error.\n")
    }

    @Test func figuresTypedByHandAreWarningsOrErrorsWhenStrict() throws {
        let project = try Self.copy("golden/project")
        let page = project.appendingPathComponent("content/guide/index.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nSur 12 400 personnes, 62,5 % disent oui.\n").write(to: page, atomically: true, encoding: .utf8)
        let lines = try String(contentsOf: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let warnings = """
            content/guide/index.md:\(lines):5: warning: '12 400' is typed by hand and equals the figure 'people'; write {{ people }} so that it follows data/
            content/guide/index.md:\(lines):23: warning: '62,5 %' is typed by hand and equals the figure 'choice.yes'; write {{ choice.yes }} so that it follows data/

            """
        let result = try TestSupport.runEtude(["check", "--project", project.path])
        #expect(result.status == 0)
        #expect(result.stderr == warnings)
        #expect(result.stdout == "Checked 3 pages and 19 figures: no errors, 2 warnings.\n")
        let strict = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(strict.status == 1)
        #expect(strict.stderr == warnings + "--strict: warnings count as errors.\n")
        let build = try TestSupport.runEtude(["build", "--project", project.path, "--output", project.appendingPathComponent("output").path])
        #expect(build.status == 0)
        #expect(build.stderr == warnings)
    }
}
