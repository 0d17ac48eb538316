import Foundation
import Testing

/// Builds thousands of damaged copies of the default project with the real binary and
/// asserts that none crashes, hangs or fails without saying where: exit 0 or 1 only, every
/// error prefixed by its file, the output folder untouched after a failure.
///
/// `swift test` runs a few hundred cases; `make fuzz` (ETUDE_FUZZ_CASES, ETUDE_FUZZ_SEED)
/// runs more. A failure prints the case's seed; ETUDE_FUZZ_ONLY=<case> replays one case.
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["ETUDE_FUZZ_CASES"].flatMap { Int($0) } ?? 200
    static let seed = environment["ETUDE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_181_127
    static let only = environment["ETUDE_FUZZ_ONLY"].flatMap { Int($0) }
    static let timeout = environment["ETUDE_FUZZ_TIMEOUT"].flatMap { Double($0) } ?? 20
    static let workers = 2

    @Test func damagedProjectsFailCleanly() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let original = try Self.defaultProject()
        let results = FuzzResults()
        let indices = Self.only.map { [$0] } ?? Array(0..<Self.cases)
        let root = try TestSupport.temporaryDirectory()
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            for position in stride(from: worker, to: indices.count, by: Self.workers) {
                let index = indices[position]
                do {
                    if let problem = try Self.run(case: index, from: original, in: root.appendingPathComponent("case-\(index)")) {
                        results.add(problem)
                    }
                } catch {
                    results.add("case \(index): could not run: \(error)")
                }
            }
        }
        let failures = results.all.sorted()
        if failures.isEmpty { try? FileManager.default.removeItem(at: root) }
        #expect(failures.isEmpty, """
            \(failures.count) of \(indices.count) fuzz cases failed (ETUDE_FUZZ_SEED=\(Self.seed)); replay one with \
            ETUDE_FUZZ_SEED=\(Self.seed) ETUDE_FUZZ_ONLY=<case> swift test --filter FuzzTests
            \(failures.prefix(20).joined(separator: "\n"))
            """)
    }

    /// The files of the repository's own project, by path relative to it.
    static func defaultProject() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for folder in ["content", "data", "templates"] {
            for (path, data) in try TestSupport.tree(TestSupport.repositoryRoot.appendingPathComponent(folder)) {
                files["\(folder)/\(path)"] = Array(data)
            }
        }
        return files
    }

    /// Adds files the default project lacks, so that they are fuzzed too: a CSV of counts,
    /// partials including one another.
    static func addExtras(to files: inout [String: [UInt8]], random: inout SplitMix64) -> [String] {
        var added: [String] = []
        if Int.random(in: 0..<4, using: &random) == 0 {
            files["data/figures.yaml", default: []] += Array("""

              fuzz_counts:
                label: Réponses comptées
                kind: \(Bool.random(using: &random) ? "split" : "multiple")
                unit: percent
                source: slide-1
                counts: fuzz.csv

            """.utf8)
            files["data/fuzz.csv"] = Array("key,label,count,base\na,Oui,30,120\nb,\"Non, pas du tout\",90,120\n".utf8)
            added.append("counts CSV")
        }
        if Int.random(in: 0..<8, using: &random) == 0 {
            files["templates/partials/fuzz-a.mustache"] = Array("<p>{{site.title}}</p>\n{{> partials/fuzz-b}}\n".utf8)
            files["templates/partials/fuzz-b.mustache"] = Array("{{#site}}<p>{{publisher}}</p>{{/site}}\n".utf8)
            files["templates/partials/footer.mustache", default: []] += Array("{{> partials/fuzz-a}}\n".utf8)
            added.append("partials")
        }
        return added
    }

    /// Mutates a copy of the project, builds it, and returns what went wrong, if anything.
    static func run(case index: Int, from original: [String: [UInt8]], in folder: URL) throws -> String? {
        let caseSeed = seed &+ UInt64(index) &* 0x9E37_79B9
        var mutator = FuzzMutator(seed: caseSeed)
        var files = original
        var steps = addExtras(to: &files, random: &mutator.random)
        // Each folder gets its share of mutations, however many files it holds.
        let folders = Dictionary(grouping: files.keys.sorted()) { $0.split(separator: "/")[0] }
        let folderNames = folders.keys.sorted()
        for _ in 0..<Int.random(in: 1...4, using: &mutator.random) {
            let folder = folderNames.randomElement(using: &mutator.random)!
            let path = folders[folder]!.randomElement(using: &mutator.random)!
            steps.append("\(path): " + mutator.mutate(&files[path]!))
        }
        let project = folder.appendingPathComponent("project"), output = folder.appendingPathComponent("output")
        for (path, bytes) in files {
            let url = project.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try FileManager.default.createDirectory(at: output.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("previous build\n".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("old\n".utf8).write(to: output.appendingPathComponent("assets/old.css"))
        let before = try TestSupport.tree(output)
        let run = try TimedRun(arguments: ["build", "--project", project.path, "--output", output.path], in: folder, timeout: timeout)
        var problems: [String] = []
        if run.timedOut { problems.append("no result after \(timeout) s") }
        if run.signalled { problems.append("killed by signal \(run.status)") }
        if !run.signalled && ![0, 1].contains(run.status) { problems.append("exit status \(run.status)") }
        for line in run.stderr.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let isError = line.wholeMatch(of: /[^\s:][^:]*(:\d+){0,2}: error: \S.*/) != nil
            let isWarning = line.wholeMatch(of: /[^\s:][^:]*(:\d+){0,2}: warning: \S.*/) != nil
            let isSummary = line.wholeMatch(of: /\d+ errors?; nothing was written\./) != nil
            if !(isError || isWarning || isSummary) || (run.status == 0 && !isWarning) {
                problems.append("unexpected stderr line: \(line.prefix(300))")
                break
            }
        }
        if run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump") { problems.append("crash report on stderr") }
        if run.status == 1 && !run.signalled && !run.stderr.contains(": error: ") { problems.append("exit 1 without an error") }
        if run.status != 0, try TestSupport.tree(output) != before { problems.append("output folder changed after a failure") }
        guard !problems.isEmpty else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return "case \(index) (seed \(caseSeed), files in \(folder.path)): \(problems.joined(separator: "; "))\n  mutations: \(steps.joined(separator: " | "))"
    }
}

/// The failures found by concurrent workers.
final class FuzzResults: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [String] = []

    func add(_ problem: String) { lock.withLock { problems.append(problem) } }
    var all: [String] { lock.withLock { problems } }
}

/// Runs the built `etude` with a time limit, killing it when the limit passes.
struct TimedRun {
    var status: Int32 = 0
    var signalled = false
    var timedOut = false
    var stderr = ""

    init(arguments: [String], in folder: URL, timeout: Double) throws {
        let process = Process()
        process.executableURL = TestSupport.etudeBinary
        process.arguments = arguments
        let outURL = folder.appendingPathComponent("stdout.txt"), errURL = folder.appendingPathComponent("stderr.txt")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        status = process.terminationStatus
        signalled = process.terminationReason == .uncaughtSignal
        stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    }
}
