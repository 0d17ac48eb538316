import Foundation
import Testing
@testable import EtudeCore

/// The synthetic site of `make bench` (Tests/Bench/generate_site.py): the generator is
/// deterministic, and a small one builds right. No timing is asserted here.
@Suite(.serialized) struct ScaleTests {
    static let generator = TestSupport.repositoryRoot.appendingPathComponent("Tests/Bench/generate_site.py")

    /// Writes the synthetic site of `pages` pages for `seed` into a new folder.
    static func generate(pages: Int, seed: Int) throws -> URL {
        let folder = try TestSupport.temporaryDirectory()
        let run = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, folder.path, String(pages), String(seed)])
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test func theGeneratorWritesTheSameBytesForTheSameSeed() throws {
        let first = try TestSupport.tree(Self.generate(pages: 60, seed: 7))
        let again = try TestSupport.tree(Self.generate(pages: 60, seed: 7))
        let other = try TestSupport.tree(Self.generate(pages: 60, seed: 8))
        #expect(first.count == 60 * 2 + 11 * 2 + 2 + 3 + 1)
        #expect(first == again)
        #expect(first != other)
    }

    @Test func aSyntheticSiteOf200PagesBuildsRightAndTheSameOnOneOrSeveralThreads() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let folder = try Self.generate(pages: 200, seed: 20261127)
        let project = folder.appendingPathComponent("etude")
        var outputs: [[String: Data]] = []
        var warnings: [String] = []
        // On one thread, on two and on more than the cores: the same bytes, the same
        // warnings in the same order.
        for threads in ["1", "2", "5"] {
            let output = folder.appendingPathComponent("out-\(threads)")
            let environment = ProcessInfo.processInfo.environment.merging(["ETUDE_THREADS": threads]) { _, new in new }
            // The build's own link check fails it on any internal link that leads nowhere.
            let run = try TestSupport.runEtude(["build", "--project", project.path, "--output", output.path], environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try TestSupport.tree(output))
            warnings.append(run.stderr)
        }
        #expect(warnings[0] == warnings[1] && warnings[0] == warnings[2])
        let site = outputs[0]
        let sources = try TestSupport.tree(project.appendingPathComponent("content")).keys
        #expect(sources.count == 200 + 10 + 1)
        for source in sources {
            #expect(site[String(source.dropLast(3)) + ".html"] != nil, "\(source) has no page")
        }
        for (path, data) in site where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("{{"), "\(path) holds a reference left over")
        }
        #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2])
    }

    @Test func aParallelMapKeepsTheOrderOfItsInput() {
        let items = Array(0..<1001)
        for threads in [1, 2, 3, 8] {
            #expect(ParallelMap.map(items, threads: threads) { "\($0 * 2)" } == items.map { "\($0 * 2)" })
        }
        #expect(ParallelMap.map([Int](), threads: 2) { $0 }.isEmpty)
    }

    struct Failure: Error, Equatable { var name: String }

    /// Work on another thread gives its result, or its error, as often as it is asked.
    @Test func backgroundWorkGivesItsResultOrError() throws {
        for threads in [1, 2] {
            let sum = BackgroundWork(threads: threads) { (1...100_000).reduce(0, +) }
            let failure = BackgroundWork(threads: threads) { () throws -> Int in throw Failure(name: "échec") }
            #expect(try sum.value() == 5_000_050_000 && (try sum.value()) == 5_000_050_000)
            #expect(throws: Failure(name: "échec")) { try failure.value() }
            #expect(throws: Failure(name: "échec")) { try failure.value() }
        }
    }
}
