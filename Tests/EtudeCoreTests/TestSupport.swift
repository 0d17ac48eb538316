import Foundation
@testable import EtudeCore

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/EtudeCoreTests/Fixtures")
    static let etudeBinary = repositoryRoot.appendingPathComponent(".build/debug/etude")

    /// A fresh empty folder, removed by the system's tmp cleaning.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("etude-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (path → text) under a new folder and returns it.
    static func makeProject(_ files: [String: String]) throws -> URL {
        let root = try temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// An output folder as a previous build left it: `files` (path → text) and the
    /// `.etude-manifest` listing them, which marks the folder as Étude's.
    static func previousBuild(_ files: [String: String], named name: String = "out") throws -> URL {
        let output = try temporaryDirectory().appendingPathComponent(name)
        for (path, text) in files {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try OutputManifest.data(listing: files.keys).write(to: output.appendingPathComponent(OutputManifest.fileName))
        return output
    }

    /// Every file under `folder`, by relative path, with its bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = try Data(contentsOf: url) }
        }
        return result
    }

    /// Held by the tests that time builds or run many processes, so that they never run
    /// at the same time: a timing taken while the fuzzer loads both cores means nothing.
    static let heavyWork = NSLock()

    static let minimalSite = "title: Site d’essai\nbase_url: https://example.org/essai/\n"

    /// Renders Markdown with a figure table made of `figures` YAML, as a page would be.
    static func renderMarkdown(_ markdown: String, figures: String = "") throws -> RenderedPage {
        let project = try makeProject([
            "data/figures.yaml": figures,
            "data/site.yaml": minimalSite,
            "content/index.md": "---\ntitle: Essai\n---\n" + markdown,
        ])
        let builder = SiteBuilder(project: Project(directory: project))
        return try builder.render().pages[0]
    }

    /// Runs the built `etude` binary; returns exit status, stdout and stderr.
    static func runEtude(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(etudeBinary, arguments, environment: environment)
    }

    /// Runs `program` with `arguments`, from `directory` if given; returns exit status, stdout and stderr.
    static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// Synthetic figures for tests (never the study's).
let sampleFigures = """
sources:
  s1:
    title: Source d’essai
figures:
  people:
    label: Personnes interrogées
    value: 1200
    unit: respondents
    kind: count
    source: s1
  choice:
    label: Choix
    kind: split
    unit: percent
    base: people
    source: s1
    parts:
      yes: { label: Oui, value: 62.5 }
      no: { label: Non, value: 37.5 }
  reasons:
    label: Raisons
    kind: multiple
    unit: percent
    base: 200
    source: s1
    parts:
      price: { label: Le prix, value: 40 }
      time: { label: Le temps, value: 70 }
  most:
    label: Part majoritaire
    value: 3/4
    unit: fraction
    kind: bound
    bound: more-than
    source: s1
"""
