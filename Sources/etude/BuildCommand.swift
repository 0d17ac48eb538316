import ArgumentParser
import EtudeCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the site into the output folder; a failed build leaves it untouched."
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .long, help: "The output folder (default: <project>/output).")
    var output: String?

    func run() throws {
        let start = ContinuousClock.now
        let project = options.projectValue
        let destination = output.map { URL(fileURLWithPath: $0) } ?? project.defaultOutput
        let result = try reportingFailures { try SiteBuilder(project: project).build(into: destination) }
        let milliseconds = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
            + (ContinuousClock.now - start).components.seconds * 1000
        for warning in result.warnings { printError(warning.description) }
        let pages = result.pages.count
        print("Built \(pages) page\(pages == 1 ? "" : "s") in \(milliseconds) ms")
    }
}
