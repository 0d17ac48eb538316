import ArgumentParser
import EtudeCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the site into the output folder; a failed build leaves it untouched.",
        discussion: """
            A build replaces only the files the previous one wrote, listed in <output>/.etude-manifest; \
            any other file there (dotfiles such as .git/ and .nojekyll, CNAME, files you added) is kept.
            """
    )

    @OptionGroup var options: ProjectOptions

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let start = ContinuousClock.now
        let project = options.projectValue
        let destination = outputOptions.destination(for: project)
        let result = try reportingFailures { try options.builder.build(into: destination, force: outputOptions.force) }
        let milliseconds = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
            + (ContinuousClock.now - start).components.seconds * 1000
        printWarnings(result.warnings)
        let pages = result.pages.count
        let removed = result.removedStale.map { "; removed \($0), stale since the report changed (run etude pdf to print it again)" }
        print("Built \(pages) page\(pages == 1 ? "" : "s") in \(milliseconds) ms" + removed.joined())
    }
}
