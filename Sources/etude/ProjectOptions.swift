import ArgumentParser
import EtudeCore
import Foundation

/// Options every command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder, holding content/, data/ and templates/.")
    var project: String = "."

    @Flag(name: .long, help: "Build the pages marked 'draft: true' too.")
    var drafts = false

    var projectValue: Project { Project(directory: URL(fileURLWithPath: project)) }

    var builder: SiteBuilder { SiteBuilder(project: projectValue, includeDrafts: drafts) }
}

/// The output folder, for the commands that write one.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The output folder (default: <project>/output).")
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Build into a non-empty output folder Étude did not write (one without .etude-manifest).",
        discussion: "Its files are kept, except those the build writes, which it replaces. The output still may not be or contain the project, nor be inside its content/, data/, templates/ or static/."))
    var force = false

    func destination(for project: Project) -> URL {
        output.map { URL(fileURLWithPath: $0) } ?? project.defaultOutput
    }
}

/// Prints the warnings of a build or check on stderr, as `file:line:col: warning: …`.
func printWarnings(_ warnings: [Diagnostic]) {
    for warning in warnings { printError(warning.description) }
}

/// Prints each diagnostic on stderr as `file:line:col: error: …` and exits 1.
/// `trailer` follows the count of errors.
func reportingFailures<T>(trailer: String = "; nothing was written.", _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as BuildFailure {
        for diagnostic in failure.diagnostics { printError(diagnostic.description) }
        let count = failure.diagnostics.count
        printError("\(count) error\(count == 1 ? "" : "s")\(trailer.isEmpty ? "." : trailer)")
        throw ExitCode.failure
    } catch let diagnostic as Diagnostic {
        printError(diagnostic.description)
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
