import Foundation
import Testing
@testable import EtudeCore

/// `etude pdf`: the report printed to A4 by headless Chromium, or a clear message without it.
@Suite(.serialized) struct PDFCommandTests {
    static let chromium = ChromiumLocator.names.lazy.compactMap { name in
        ["/usr/bin", "/usr/local/bin"].first { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }.map { "\($0)/\(name)" }
    }.first

    static func outputWithPreviousBuild() throws -> (URL, [String: Data]) {
        let output = try TestSupport.previousBuild(["rapport.html": "ancienne version"])
        return (output, try TestSupport.tree(output))
    }

    static let golden = TestSupport.fixtures.appendingPathComponent("golden/project").path

    @Test func missingChromiumGivenByPathIsAClearErrorAndNothingIsWritten() throws {
        let (output, before) = try Self.outputWithPreviousBuild()
        let result = try TestSupport.runEtude(["pdf", "--project", Self.golden, "--output", output.path, "--chromium", "/nonexistent/chromium"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            /nonexistent/chromium: error: no Chromium program here; give the path of an installed chromium with --chromium, or install it (Debian: sudo apt-get install chromium)

            """)
        #expect(try TestSupport.tree(output) == before)
    }

    @Test func noChromiumOnPathSaysHowToInstallIt() throws {
        let (output, before) = try Self.outputWithPreviousBuild()
        let empty = try TestSupport.temporaryDirectory()
        let result = try TestSupport.runEtude(["pdf", "--project", Self.golden, "--output", output.path], environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("etude pdf: error: Chromium is needed to print the report and none was found (looked for chromium, chromium-browser, google-chrome, google-chrome-stable on PATH). Install it (Debian: sudo apt-get install chromium"))
        #expect(try TestSupport.tree(output) == before)
    }

    @Test func chromiumThatFailsLeavesTheOutputAsItWas() throws {
        let (output, before) = try Self.outputWithPreviousBuild()
        let fake = try TestSupport.makeProject(["chromium": "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n"]).appendingPathComponent("chromium")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let result = try TestSupport.runEtude(["pdf", "--project", Self.golden, "--output", output.path, "--chromium", fake.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(fake.path): error: Chromium wrote no PDF (exit status 3); its last lines:\n    cannot open display\n")
        #expect(try TestSupport.tree(output) == before)
    }

    @Test(.enabled(if: chromium != nil, "needs Chromium, installed by Tests/Validators/install.sh"))
    func printsTheReportToA4() throws {
        let (output, _) = try Self.outputWithPreviousBuild()
        let result = try TestSupport.runEtude(["pdf", "--project", Self.golden, "--output", output.path, "--chromium", Self.chromium!])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.wholeMatch(of: /Printed .*\/out\/rapport\.pdf \(\d+ KiB\) in \d+ s\n/) != nil, "\(result.stdout)")
        let pdf = try Data(contentsOf: output.appendingPathComponent("rapport.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        // Every page A4: 595 × 842 pt, to 1 pt (pdfinfo checks the same in make test).
        let boxes = String(decoding: pdf, as: UTF8.self).matches(of: /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)
        #expect(!boxes.isEmpty)
        for box in boxes {
            #expect(abs((Double(box.output.1) ?? 0) - 595) < 1 && abs((Double(box.output.2) ?? 0) - 842) < 1)
        }
        // The site is rebuilt beside it: the previous report is replaced.
        let html = try String(contentsOf: output.appendingPathComponent("rapport.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }
}
